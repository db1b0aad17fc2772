import assert from 'node:assert/strict';
import { decodeCode, decodeStatus, describeEvent, explainInput, formatDecoded } from '../../knowledge/codes/index.js';

describe('decodeCode', () => {
  const table: [string, string, string, string][] = [
    ['0x80070542', '0x80070542', 'win32', 'ERROR_BAD_IMPERSONATION_LEVEL'],
    ['1346', '0x80070542', 'win32', 'ERROR_BAD_IMPERSONATION_LEVEL'],
    ['2147943746', '0x80070542', 'win32', 'ERROR_BAD_IMPERSONATION_LEVEL'],
    ['-2147023550', '0x80070542', 'win32', 'ERROR_BAD_IMPERSONATION_LEVEL'],
    ['STATUS_LOGON_FAILURE', '0xC000006D', 'ntstatus', 'STATUS_LOGON_FAILURE'],
    ['c000006d', '0xC000006D', 'ntstatus', 'STATUS_LOGON_FAILURE'],
    ['2148074254', '0x8009030E', 'sspi', 'SEC_E_NO_CREDENTIALS'],
    ['KRB_AP_ERR_SKEW', 'KRB:0x25', 'kerberos', 'KRB_AP_ERR_SKEW'],
    ['KRB:0x29', 'KRB:0x29', 'kerberos', 'KRB_AP_ERR_MODIFIED'],
    ['500.24', '500.24', 'http', 'HTTP 500.24'],
    ['HTTP 401.1', '401.1', 'http', 'HTTP 401.1'],
    ['500', '500.0', 'http', 'HTTP 500'],
    ['event 4625', '4625', 'event', 'Event 4625: Logon failure'],
    ['Event ID: 5021', '5021', 'event', 'Event 5021: Application pool identity invalid'],
    ['0x80071234', '0x80071234', 'win32', 'Win32 error 4660'],
  ];
  for (const [input, canonical, family, name] of table) {
    it(`decodes ${input} as ${name}`, () => {
      const d = decodeCode(input);
      assert.ok(d, `no decode for ${input}`);
      assert.equal(d.canonical, canonical);
      assert.equal(d.family, family);
      assert.equal(d.name, name);
      assert.equal(d.input, input);
      assert.ok(d.message.length > 0);
    });
  }

  it('gives the official message, the layout and the NTSTATUS equivalent of 0x80070542', () => {
    const d = decodeCode('0x80070542');
    assert.ok(d);
    assert.equal(d.message, 'Either a required impersonation level was not provided, or the provided impersonation level is invalid.');
    assert.ok(d.details.includes('Win32 error 1346 (0x542)'));
    assert.ok(d.details.some((x) => x.includes('facility WIN32 (7)') && x.includes('severity failure')));
    assert.deepEqual(d.equivalents, ['0xC00000A5']);
  });

  it('says what 500.24 means', () => {
    const d = decodeCode('500.24');
    assert.ok(d);
    assert.match(d.message, /impersonation configuration does not apply in Managed Pipeline mode/);
  });

  it('returns null for text that is not one code', () => {
    for (const s of ['', 'hello world', 'error 1326 and 1385', '2024-05-01', 'ERROR_NOPE']) assert.equal(decodeCode(s), null, s);
  });
});

describe('decodeStatus', () => {
  it('lists the 500.19 HRESULT variants', () => {
    const d = decodeStatus('500.19');
    assert.ok(d);
    assert.equal(d.canonical, '500.19');
    assert.ok(d.details.some((x) => x.startsWith('With HRESULT 0x80070021')));
  });

  it('still decodes a substatus it does not know, and refuses non-statuses', () => {
    assert.equal(decodeStatus('401.77')?.canonical, '401.77');
    assert.equal(decodeStatus('8.5'), null);
    assert.equal(decodeStatus('999'), null);
  });
});

describe('describeEvent', () => {
  it('describes 4625 and 5021 by number or string', () => {
    assert.equal(describeEvent(4625)?.channel, 'Security');
    assert.equal(describeEvent('5021')?.source, 'Microsoft-Windows-WAS');
    assert.equal(describeEvent(12345), null);
    assert.equal(describeEvent('abc'), null);
  });
});

describe('formatDecoded', () => {
  it('prints the cli explain text for 0x80070542', () => {
    const d = decodeCode('0x80070542');
    assert.ok(d);
    const lines = formatDecoded(d).split('\n');
    assert.equal(lines[0], '0x80070542  ERROR_BAD_IMPERSONATION_LEVEL (Win32 1346)');
    assert.equal(lines[1], '  Either a required impersonation level was not provided, or the provided impersonation level is invalid.');
    assert.ok(lines.includes('  HRESULT: severity failure, facility WIN32 (7), code 0x542 (1346)'));
    assert.ok(lines.includes('  Same condition: 0xC00000A5 STATUS_BAD_IMPERSONATION_LEVEL'));
    assert.ok(lines.includes('  Seen as: FREB ErrorCode 2147943746, W3C sc-win32-status 1346, signed -2147023550'));
  });
});

describe('explainInput', () => {
  it('decodes a lone code, finds codes in a sentence, and returns [] for neither', () => {
    assert.deepEqual(explainInput('0x80070542').map((d) => d.canonical), ['0x80070542']);
    assert.deepEqual(
      explainInput('LogonUser failed with 1385 and then 0xC000006D').map((d) => d.canonical),
      ['0x80070569', '0xC000006D'],
    );
    assert.deepEqual(explainInput('IIS 8.5 on Windows Server 2019'), []);
  });
});
