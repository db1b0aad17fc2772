// Huge or hostile pastes: the readers of tool output, events as text and quoted configuration stay bounded in the
// evidence they produce, keep their conclusions, and finish (mocha's timeout fails a test that hangs; these inputs
// took minutes before the bounds).
import assert from 'node:assert/strict';
import { ingestFiles } from '../../knowledge/ingest/index.js';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { MAX_KEPT_EVENTS } from '../../knowledge/ingest/eventlog/representative.js';
import { find, values } from './helpers.js';

const event4625 = (user: string, sub: string) =>
  `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Auditing"/><EventID>4625</EventID><Channel>Security</Channel><Computer>WEB01</Computer></System><EventData><Data Name="TargetUserName">${user}</Data><Data Name="Status">0xc000006d</Data><Data Name="SubStatus">${sub}</Data><Data Name="LogonType">3</Data></EventData></Event>`;

describe('ingest: bounded evidence from huge inputs', () => {
  it('keeps a 10,000-event export to its first events and one of each kind, counting the repeats', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => event4625(`user${i}`, i === 9_999 ? '0xc0000234' : '0xc000006a'));
    const r = await ingestFiles([{ name: 'security.xml', data: Buffer.from(`<Events>${events.join('')}</Events>`) }]);
    const kept = r.evidence.filter((e) => e.kind === 'event');
    assert.ok(kept.length <= MAX_KEPT_EVENTS, String(kept.length));
    assert.ok(kept.some((e) => e.attrs?.SubStatus === '0xc0000234'), 'the one locked-out event, a kind of its own, is kept');
    const repeats = kept.reduce((n, e) => n + Number(e.attrs?.repeats ?? 1), 0);
    assert.equal(repeats, 10_000, 'every event is counted on the event kept for its kind');
    assert.equal(find(r.evidence, 'eventlog.summarised', String(10_000 - kept.length))?.kind, 'fact');
    assert.match(r.files[0].summary, /10000 events/);
  });

  it('bounds the facts of 20,000 pasted privilege lists (120,000 rows), and keeps the missing privilege', () => {
    const list = ['SeAssignPrimaryTokenPrivilege', 'SeIncreaseQuotaPrivilege', 'SeAuditPrivilege', 'SeChangeNotifyPrivilege', 'SeCreateGlobalPrivilege', 'SeIncreaseWorkingSetPrivilege']
      .map((p) => `${p} Some description Disabled`)
      .join('\n');
    const ev = parseText('paste.txt', Array.from({ length: 20_000 }, () => list).join('\n')).evidence;
    assert.ok(find(ev, 'token.privilege-missing', 'SeImpersonatePrivilege'));
    assert.ok(ev.filter((e) => e.key.startsWith('token.')).length <= 300);
  });

  it('finishes on 100,000 unclosed <identity> tags and 50,000 setspn holders', () => {
    assert.equal(parseText('x.txt', '<identity impersonate="true">\n'.repeat(100_000)).evidence.filter((e) => e.kind === 'config').length, 0);
    const setspn = parseText('x.txt', `${'CN=web,DC=contoso,DC=com\n\tHTTP/intranet\n'.repeat(50_000)}Existing SPN found!\n`).evidence;
    assert.ok(values(setspn, 'spn.registered').length <= 100);
  });

  it('reads at most 50 configuration fragments from one text', () => {
    const ev = parseText('x.txt', '<identity impersonate="true" />\n'.repeat(1_000)).evidence;
    assert.equal(values(ev, 'system.web/identity@impersonate').length, 50);
  });
});
