// Plants known secrets in every format and proves none survives anywhere in the ingestion result.
import { strict as assert } from 'node:assert';
import { strToU8, zipSync } from 'fflate';
import { ingestFiles } from '../../knowledge/ingest/index.js';

const SECRETS = {
  query: 'QsTok3n-7781',
  sas: 'SaSsig-4411',
  ntlm: 'TlRMTVNTUAADAAAAGAAYAHAAAAAYABgAiAAAAAwADABYAAAACAAIAGQ',
  kerberos: 'YIIHTgYGKwYBBQUCoIIHQjCCBz6gMDAuBgkqhkiC9xIBAgIGCSqG',
  cookie: 'CkSess-99120',
  harCookie: 'HarCookieVal-5512',
  textPw: 'TxtPw-Winter24',
  identityPw: 'IdPw-Summer25',
  connPw: 'ConnPw-Autumn26',
  machineKey: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
  eventPw: 'EvtPw-Spring27',
  jwtPayload: 'eyJzdWIiOiJzZWNyZXQtdXNlci0xMjMifQ',
};

const w3c = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Cookie) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  `2024-01-01 00:00:00 10.0.0.1 GET /cb code=${SECRETS.query}&state=1 443 - 10.0.0.2 UA ASP.NET_SessionId=${SECRETS.cookie} https://x/?sig=${SECRETS.sas} 500 0 1346 5`,
  `2024-01-01 00:00:01 10.0.0.1 GET /api access_token=${SECRETS.query} 443 - 10.0.0.2 UA - - 401 1 2148074254 5`,
].join('\r\n');

const har = JSON.stringify({
  log: {
    version: '1.2',
    entries: [
      {
        request: {
          method: 'GET',
          url: `https://intranet/app/?access_token=${SECRETS.query}`,
          headers: [
            { name: 'Authorization', value: `NTLM ${SECRETS.ntlm}` },
            { name: 'Cookie', value: `a=${SECRETS.harCookie}` },
          ],
          cookies: [{ name: 'a', value: SECRETS.harCookie }],
          queryString: [{ name: 'access_token', value: SECRETS.query }],
        },
        response: {
          status: 500,
          statusText: 'Internal Server Error',
          headers: [{ name: 'Set-Cookie', value: `b=${SECRETS.cookie}` }, { name: 'WWW-Authenticate', value: `Negotiate ${SECRETS.kerberos}` }],
          content: { mimeType: 'text/html', text: `<html><body>password=${SECRETS.textPw} Bearer eyJhbGciOiJIUzI1NiJ9.${SECRETS.jwtPayload}.c2ln</body></html>` },
        },
      },
    ],
  },
});

const text = `Here is my connection string: Server=db;User Id=sa;Password=${SECRETS.connPw};\nand my password: ${SECRETS.textPw}\nAuthorization: Negotiate ${SECRETS.kerberos}\nHTTP Error 500.0 0x80070542`;

const webConfig = `<?xml version="1.0"?>
<configuration>
  <connectionStrings><add name="db" connectionString="Data Source=db;User ID=app;Password=${SECRETS.connPw}" /></connectionStrings>
  <system.web>
    <identity impersonate="true" userName="CONTOSO\\svc" password="${SECRETS.identityPw}" />
    <machineKey validationKey="${SECRETS.machineKey}" decryptionKey="${SECRETS.machineKey}" />
  </system.web>
</configuration>`;

const eventLog = `<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Auditing" /><EventID>4688</EventID><Level>0</Level><Channel>Security</Channel><Computer>web01</Computer></System><EventData><Data Name="NewProcessName">C:\\Windows\\System32\\net.exe</Data><Data Name="CommandLine">net use \\\\files\\share ${SECRETS.eventPw} /user:CONTOSO\\svc</Data><Data Name="Status">0xC000006D</Data></EventData></Event>
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="App" /><EventID>1000</EventID><Level>2</Level><Channel>Application</Channel><Computer>web01</Computer></System><EventData><Data>connection failed: Server=db;Password=${SECRETS.eventPw};</Data></EventData></Event></Events>`;

describe('ingest/secrets', () => {
  it('leaves no planted secret in any evidence, summary, redactedText or error of any format', async () => {
    const bundle = Buffer.from(
      zipSync({ site: { 'web.config': strToU8(webConfig), 'u_ex.log': strToU8(w3c) }, 'events.xml': strToU8(eventLog), 'capture.har': strToU8(har), 'notes.txt': strToU8(text) }),
    );
    const r = await ingestFiles([
      { name: 'u_ex.log', data: Buffer.from(w3c) },
      { name: 'capture.har', data: Buffer.from(har) },
      { name: 'paste.txt', data: Buffer.from(text) },
      { name: 'events.xml', data: Buffer.from(eventLog) },
      { name: 'bundle.zip', data: bundle },
      // A broken HAR whose JSON error message would quote its content.
      { name: `broken.har`, data: Buffer.from(`{"log":{"entries":[{"password=${SECRETS.textPw}"`) },
    ]);
    const formats = r.files.map((f) => f.format);
    for (const f of ['w3c', 'har', 'text', 'eventlog-xml', 'config', 'zip']) assert.ok(formats.includes(f as never), `${f} read: ${formats}`);
    assert.ok(r.evidence.length > 10);
    const everything = JSON.stringify(r);
    for (const [name, secret] of Object.entries(SECRETS)) {
      assert.ok(!everything.includes(secret), `${name} leaked: …${everything.slice(Math.max(0, everything.indexOf(secret) - 120), everything.indexOf(secret) + 40)}…`);
    }
    const removed = r.files.reduce((n, f) => n + Object.values(f.redactions).reduce((a, b) => a + b, 0), 0);
    assert.ok(removed >= 10, `counted ${removed} removals`);
  });
});
