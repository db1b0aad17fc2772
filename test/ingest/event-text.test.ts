// Events shared as text: Event Viewer's "Copy details as text", wevtutil /f:text, Get-WinEvent / Get-EventLog
// Format-List, Event Viewer's CSV export and a Security description pasted alone. Each is an event with the fields
// its description prints, under the EventData names the knowledge base's event signatures test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFiles } from '../../knowledge/ingest/index.js';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { diagnoseInputs } from '../../knowledge/index.js';
import { bundledKnowledgeBase, repoRoot } from '../../runtime/kb-files.js';
import type { Evidence } from '../../knowledge/types.js';

const events = (text: string): Evidence[] => parseText('events.txt', text).evidence.filter((e) => e.kind === 'event');

const DESCRIPTION_4625 = `An account failed to log on.

Subject:
\tSecurity ID:\t\tNULL SID
\tAccount Name:\t\t-
\tAccount Domain:\t\t-

Logon Type:\t\t\t4

Account For Which Logon Failed:
\tSecurity ID:\t\tNULL SID
\tAccount Name:\t\tsvc-shp
\tAccount Domain:\t\tCONTOSO

Failure Information:
\tFailure Reason:\t\tThe user has not been granted the requested logon type at this machine.
\tStatus:\t\t\t0xC000015B
\tSub Status:\t\t0x0

Process Information:
\tCaller Process ID:\t0x3a4
\tCaller Process Name:\tC:\\Windows\\System32\\svchost.exe

Detailed Authentication Information:
\tLogon Process:\t\tAdvapi  
\tAuthentication Package:\tNegotiate`;

describe('ingest: events shared as text', () => {
  it("reads Event Viewer's copy as text: the header, and the description's fields by their EventData names", () => {
    const text = `Log Name:      Security\nSource:        Microsoft-Windows-Security-Auditing\nDate:          11/28/2026 10:02:11 AM\nEvent ID:      4625\nTask Category: Logon\nLevel:         Information\nKeywords:      Audit Failure\nUser:          N/A\nComputer:      WEB-SHP04.contoso.com\nDescription:\n${DESCRIPTION_4625}\nEvent Xml:\n<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>4625</EventID></System></Event>\n`;
    const [e] = events(text);
    assert.equal(e.value, '4625');
    assert.equal(e.source.line, 1);
    assert.equal(e.attrs?.Provider, 'Microsoft-Windows-Security-Auditing');
    assert.equal(e.attrs?.Computer, 'WEB-SHP04.contoso.com');
    assert.deepEqual(
      [e.attrs?.LogonType, e.attrs?.Status, e.attrs?.SubStatus, e.attrs?.TargetUserName, e.attrs?.SubjectUserName, e.attrs?.LogonProcessName, e.attrs?.ProcessName],
      ['4', '0xC000015B', '0x0', 'svc-shp', '-', 'Advapi', 'C:\\Windows\\System32\\svchost.exe'],
    );
    assert.match(e.excerpt, /logon type 4 failed for CONTOSO\\svc-shp, Status 0xC000015B/);
  });

  it('reads wevtutil /f:text events, and the pool and SPN named in WAS and Kerberos sentences', () => {
    const text = `Event[0]:\n  Log Name: System\n  Source: Microsoft-Windows-WAS\n  Date: 2026-11-28T10:05:33.441\n  Event ID: 5021\n  Level: Warning\n  Computer: WEB01.contoso.com\n  Description: \nThe identity of application pool '.NET v4.5 Portal' is invalid. The user name or password that is specified for the identity may be incorrect, or the user may not have batch logon rights.\n\nEvent[1]:\n  Log Name: System\n  Source: Microsoft-Windows-Security-Kerberos\n  Event ID: 4\n  Level: Error\n  Description: \nThe Kerberos client received a KRB_AP_ERR_MODIFIED error from the server web01$. The target name used was HTTP/intranet.contoso.com. This indicates that the target server failed to decrypt the ticket.\n`;
    const [was, krb] = events(text);
    assert.equal(was.attrs?.AppPoolID, '.NET v4.5 Portal');
    assert.equal(krb.value, '4');
    assert.equal(krb.source.line, 11);
    assert.deepEqual([krb.attrs?.Server, krb.attrs?.TargetName], ['web01$', 'HTTP/intranet.contoso.com']);
    assert.ok(parseText('events.txt', text).evidence.some((e) => e.kind === 'code' && e.value === 'KRB:0x29' && e.attrs?.event === '4'));
  });

  it("reads Get-WinEvent | Format-List, whose message continues on indented lines", () => {
    const indented = DESCRIPTION_4625.split('\n').map((l, i) => (i === 0 ? l : `               ${l}`)).join('\n');
    const text = `\n\nTimeCreated  : 11/28/2026 10:02:11 AM\nProviderName : Microsoft-Windows-Security-Auditing\nId           : 4625\nMessage      : ${indented}\n\nTimeCreated  : 11/28/2026 10:03:00 AM\nProviderName : Microsoft-Windows-Security-Auditing\nId           : 4624\nMessage      : An account was successfully logged on.\n               \n               Logon Type:\t\t3\n               Impersonation Level:\t\tIdentification\n`;
    const evs = events(text);
    assert.deepEqual(evs.map((e) => e.value), ['4625', '4624']);
    assert.equal(evs[0].attrs?.LogonType, '4');
    assert.equal(evs[1].attrs?.ImpersonationLevel, 'Identification');
    assert.equal(evs[1].source.line, text.split('\n').indexOf('TimeCreated  : 11/28/2026 10:03:00 AM') + 1);
  });

  it("reads Event Viewer's CSV export, whose quoted messages hold commas, quotes and line breaks", () => {
    const text = `Level,Date and Time,Source,Event ID,Task Category\nError,11/28/2026 9:14:02 AM,Microsoft-Windows-WAS,5021,None,"The identity of application pool Portal.Api is invalid. The user name or password that is specified for the identity may be incorrect, or the user may not have ""batch logon"" rights.\n\nThe data field contains the error number."\nError,11/28/2026 9:14:03 AM,Microsoft-Windows-WAS,5057,None,"Application pool Portal.Api has been disabled."\n`;
    const evs = events(text);
    assert.deepEqual(evs.map((e) => [e.value, e.source.line, e.attrs?.Level]), [['5021', 2, 'Error'], ['5057', 5, 'Error']]);
    assert.equal(evs[0].attrs?.AppPoolID, 'Portal.Api');
  });

  it('reads a Security description pasted without its header as that event', () => {
    const [e] = events(`this is what the security log shows on web-shp04:\n${DESCRIPTION_4625.replace(/\t+/g, ' ')}`);
    assert.equal(e.value, '4625');
    assert.equal(e.source.line, 2);
    assert.equal(e.attrs?.Status, '0xC000015B');
  });

  it("reads a client's Kerberos error (System event 3) pasted without its header, with the server name it asked for", () => {
    const [e] = events('System log on my PC:\nSource: Microsoft-Windows-Security-Kerberos  Event ID: 3\nA Kerberos error message was received:\n on logon session CONTOSO.COM\\rvega\n Error Code: 0x7 KDC_ERR_S_PRINCIPAL_UNKNOWN\n Server Name: HTTP/lb-vip-web01.contoso.com\n Target Name: HTTP/lb-vip-web01.contoso.com@CONTOSO.COM');
    assert.equal(e.value, '3');
    assert.equal(e.attrs?.Provider, 'Microsoft-Windows-Security-Kerberos');
    assert.equal(e.attrs?.Channel, 'System');
    assert.equal(e.attrs?.ServerName, 'HTTP/lb-vip-web01.contoso.com');
    assert.match(e.attrs?.ErrorCode ?? '', /^0x7\b/);
  });

  it("reads ASP.NET 1309's thread identity and exception from Event Viewer's copy", () => {
    const [e] = events(
      'Log Name:      Application\nSource:        ASP.NET 4.0.30319.0\nEvent ID:      1309\nLevel:         Warning\nDescription:\nEvent code: 3005 \nException information: \n    Exception type: UnauthorizedAccessException \n    Exception message: Access to the path is denied.\nThread information: \n    Thread ID: 41 \n    Thread account name: FABRIKAM\\jdoe \n    Is impersonating: True ',
    );
    assert.equal(e.value, '1309');
    assert.equal(e.attrs?.ThreadAccountName, 'FABRIKAM\\jdoe');
    assert.equal(e.attrs?.IsImpersonating, 'True');
    assert.equal(e.attrs?.ExceptionType, 'UnauthorizedAccessException');
  });

  it('reads nothing from prose that mentions an event', () => {
    assert.deepEqual(events('we see event id 4625 a lot, and the account failed to log on again this morning'), []);
  });

  it('an uploaded text file of events says so in its summary', async () => {
    const r = await ingestFiles([{ name: 'security.txt', data: Buffer.from(`Log Name: Security\nSource: Microsoft-Windows-Security-Auditing\nEvent ID: 4625\nDescription:\n${DESCRIPTION_4625}\n`) }]);
    assert.match(r.files[0].summary, /^Text: 1 event \(4625\)/);
  });

  it('through the engine: the batch-logon cause for a pool whose batch logon is refused, citing the event', async () => {
    const d = await diagnoseInputs(
      { texts: [`The pool SharePortal stops and the site gives 503. Security log:\n${DESCRIPTION_4625}`], files: [] },
      bundledKnowledgeBase(),
    );
    assert.equal(d.hypotheses[0]?.id, 'app-pool-missing-batch-logon-right');
    assert.ok(d.hypotheses[0].evidence.some((e) => /event 1 \(Security 4625\): logon type 4 failed/.test(e.citation)), d.hypotheses[0].evidence.map((e) => e.citation).join('\n'));
  });
});

describe('ingest: event-log text samples written from the real tools', () => {
  const sample = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'ingest', 'eventlog-text', name));
  const read = async (name: string) => (await ingestFiles([{ name, data: sample(name) }])).evidence;
  const eventsOf = (ev: Evidence[]) => ev.filter((e) => e.kind === 'event');
  const codesOf = (ev: Evidence[]) => [...new Set(ev.filter((e) => e.kind === 'code').map((e) => e.value))].sort();

  it('copy as text with Event Xml: fields from the description, the WAS error number from <Binary>, no Logon IDs as codes', async () => {
    const was = await read('ev-copy-5021-was.txt');
    assert.equal(eventsOf(was)[0].attrs?.AppPoolID, '.NET v4.5 Portal');
    assert.deepEqual(codesOf(was), ['0x8007052E']);
    const logon = await read('ev-copy-4624-identification.txt');
    assert.deepEqual([eventsOf(logon)[0].value, eventsOf(logon)[0].attrs?.ImpersonationLevel, eventsOf(logon)[0].attrs?.LogonType], ['4624', 'Identification', '3']);
    assert.deepEqual(codesOf(logon), []);
    const removed = await read('ev-copy-4705-removed.txt');
    assert.equal(eventsOf(removed)[0].attrs?.PrivilegeList, 'SeImpersonatePrivilege');
  });

  it('wevtutil /f:text with three events: pools with spaces in their names, and the Kerberos SPN', async () => {
    const evs = eventsOf(await read('wevtutil-text-mixed.txt'));
    assert.deepEqual(evs.map((e) => [e.value, e.attrs?.AppPoolID ?? e.attrs?.TargetName]), [['5057', 'Claims Gateway'], ['5021', 'Claims Gateway'], ['4', 'MSSQLSvc/sql01.corp.example.org:1433']]);
  });

  it('Get-WinEvent and Get-EventLog Format-List: both 4625s, the 4769 failure code as a Kerberos code', async () => {
    const logons = eventsOf(await read('getwinevent-fl-4625-logontype.txt'));
    assert.deepEqual(logons.map((e) => [e.attrs?.LogonType, e.attrs?.Status, e.attrs?.SubStatus]), [['4', '0xC000015B', '0x0'], ['3', '0xC000006D', '0xC0000064']]);
    const tgs = await read('geteventlog-fl-4769.txt');
    assert.equal(eventsOf(tgs)[0].attrs?.ServiceName, 'svc-portal');
    assert.deepEqual(codesOf(tgs), ['KRB:0x0E'], 'not the ticket options or the encryption type');
  });

  it("Get-WinEvent's table view: each row an event of its group's provider", async () => {
    const evs = eventsOf(await read('getwinevent-table.txt'));
    assert.deepEqual(evs.map((e) => `${e.attrs?.Provider} ${e.value}`), ['Microsoft-Windows-WAS 5057', 'Service Control Manager 7036', 'Microsoft-Windows-WAS 5021', 'Service Control Manager 7036', 'Microsoft-Windows-Security-Kerberos 4']);
    assert.equal(evs[2].attrs?.AppPoolID, 'Finance Portal');
  });

  for (const name of ['eventviewer-saveas.csv', 'eventviewer-saveas.txt']) {
    it(`Event Viewer's export ${name}: five events, Kerberos event 3's error code as a Kerberos code`, async () => {
      const ev = await read(name);
      assert.deepEqual(eventsOf(ev).map((e) => e.value), ['5057', '5021', '5021', '4', '3']);
      assert.ok(ev.some((e) => e.kind === 'code' && e.attrs?.event === '3' && /^KRB:0x(29|07)$/.test(e.value)));
      assert.ok(!codesOf(ev).some((c) => c.startsWith('0x8007')), codesOf(ev).join(', '));
    });
  }

  it('a description pasted into a chat, its tabs partly collapsed', async () => {
    const [e] = eventsOf(await read('pasted-chat-events.txt'));
    assert.deepEqual([e.value, e.attrs?.LogonType, e.attrs?.Status, e.attrs?.SubStatus], ['4625', '8', '0xC000006E', '0xC0000072']);
  });
});

describe('the engine on event-log text samples', () => {
  const kb = bundledKnowledgeBase();
  const diagnose = (name: string) => diagnoseInputs({ texts: [], files: [{ name, data: readFileSync(join(repoRoot, 'test', 'fixtures', 'ingest', 'eventlog-text', name)) }] }, kb);

  it('reads a batch logon refused to a pool account (logon type 4, from svchost) as the pool lacking the batch right, not a LogonUser call', async () => {
    const d = await diagnose('getwinevent-fl-4625-logontype.txt');
    assert.equal(d.hypotheses[0]?.id, 'app-pool-missing-batch-logon-right');
    const logonUser = d.hypotheses.find((h) => h.id === 'logon-type-not-granted-1385');
    assert.ok(!logonUser?.evidence.some((e) => /explicit LogonUser call/.test(e.meaning)), 'svchost.exe is WAS, not the application');
  });

  it('finds the removed SeImpersonatePrivilege in a 4705 copied as text', async () => {
    assert.equal((await diagnose('ev-copy-4705-removed.txt')).hypotheses[0]?.id, 'seimpersonate-privilege-removed');
  });

  it('finds the encryption-type mismatch in a 4769 with failure code 0xE from Get-EventLog', async () => {
    assert.equal((await diagnose('geteventlog-fl-4769.txt')).hypotheses[0]?.id, 'kerberos-encryption-type-mismatch');
  });
});

describe('event-log text in the encodings Windows writes', () => {
  const sample = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'ingest', 'eventlog-text', name), 'utf8').replace(/^\uFEFF/, '');
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

  for (const [encoding, encode] of [['UTF-16LE with BOM (PowerShell 5.1 ">")', utf16], ['UTF-8 with BOM (Event Viewer export)', utf8bom]] as const) {
    it(`reads the CSV export and a Format-List redirect in ${encoding}`, async () => {
      for (const [name, ids] of [['eventviewer-saveas.csv', ['5057', '5021', '5021', '4', '3']], ['getwinevent-fl-4625-logontype.txt', ['4625', '4625']]] as const) {
        const r = await ingestFiles([{ name, data: encode(sample(name)) }]);
        assert.deepEqual(r.evidence.filter((e) => e.kind === 'event').map((e) => e.value), ids, `${name} in ${encoding}`);
      }
    });
  }
});
