// Events shared as text: Event Viewer's "Copy details as text", wevtutil /f:text, Get-WinEvent / Get-EventLog
// Format-List, Event Viewer's CSV export and a Security description pasted alone. Each is an event with the fields
// its description prints, under the EventData names the knowledge base's event signatures test.
import assert from 'node:assert/strict';
import { ingestFiles } from '../../knowledge/ingest/index.js';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { diagnoseInputs } from '../../knowledge/index.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
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
