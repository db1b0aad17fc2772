import assert from 'node:assert/strict';
import { findCodes } from '../../knowledge/codes/index.js';

/** [text, expected mentions as [input, canonical, family]] */
const found: [string, [string, string, string][]][] = [
  ['The trace shows ErrorCode 0x80070542 in StaticFileModule', [['0x80070542', '0x80070542', 'win32']]],
  ['Status: 0xc000006d  Sub Status: 0xC0000064', [['0xc000006d', '0xC000006D', 'ntstatus'], ['0xC0000064', '0xC0000064', 'ntstatus']]],
  ['hr 80070542 from the COM call', [['80070542', '0x80070542', 'win32']]],
  ['FREB ErrorCode 2147943746', [['2147943746', '0x80070542', 'win32']]],
  ['HResult = -2147023550', [['-2147023550', '0x80070542', 'win32']]],
  ['got error 1326 from LogonUser', [['1326', '0x8007052E', 'win32']]],
  ['win32 status 5', [['5', '0x80070005', 'win32']]],
  ['LogonUser failed with 1385', [['1385', '0x80070569', 'win32']]],
  ['sc-win32-status 1346', [['1346', '0x80070542', 'win32']]],
  ['W3C: 401 1 2148074254', [['2148074254', '0x8009030E', 'sspi']]],
  ['code 1314 when calling LogonUser', [['1314', '0x80070522', 'win32']]],
  ['error code: 0x5', [['0x5', '0x80070005', 'win32']]],
  ['it fails with ERROR_BAD_IMPERSONATION_LEVEL', [['ERROR_BAD_IMPERSONATION_LEVEL', '0x80070542', 'win32']]],
  ['SEC_E_WRONG_PRINCIPAL in the client', [['SEC_E_WRONG_PRINCIPAL', '0x80090322', 'sspi']]],
  ['System event 4 says KRB_AP_ERR_MODIFIED (0x29).', [['4', '4', 'event'], ['KRB_AP_ERR_MODIFIED (0x29)', 'KRB:0x29', 'kerberos']]],
  ['KDC_ERR_BADOPTION 0xd on the DC', [['KDC_ERR_BADOPTION 0xd', 'KRB:0x0D', 'kerberos']]],
  ['4769 Failure Code: 0x7', [['0x7', 'KRB:0x07', 'kerberos']]],
  // A small hex in a sentence about a Kerberos event or the KDC is a Kerberos code, whatever word precedes it.
  ['the DC has 4769 audit failures with code 0x7 for HTTP/web', [['0x7', 'KRB:0x07', 'kerberos']]],
  ['kerberos pre-auth keeps failing with error 0x18', [['0x18', 'KRB:0x18', 'kerberos']]],
  ['kerberos is fine. The file copy fails with error 0x5', [['0x5', '0x80070005', 'win32']]],
  // Kerberos event 3 pasted without its "Kerberos" header line: the name after the value says what it is.
  ['Server Time: 8:14:03\n Error Code: 0x7  KDC_ERR_S_PRINCIPAL_UNKNOWN', [['0x7', 'KRB:0x07', 'kerberos'], ['KDC_ERR_S_PRINCIPAL_UNKNOWN', 'KRB:0x07', 'kerberos']]],
  // A name that does not restate the value leaves the usual reading.
  ['Error Code: 0x5  KDC_ERR_S_PRINCIPAL_UNKNOWN', [['0x5', '0x80070005', 'win32'], ['KDC_ERR_S_PRINCIPAL_UNKNOWN', 'KRB:0x07', 'kerberos']]],
  ['LogonUser returned false, Marshal.GetLastWin32Error() = 1385', [['1385', '0x80070569', 'win32']]],
  ['GetLastWin32Error 1326 after LogonUser', [['1326', '0x8007052E', 'win32']]],
  ['KRB:0x29 again', [['KRB:0x29', 'KRB:0x29', 'kerberos']]],
  ['HTTP Error 401.1 - Unauthorized', [['401.1', '401.1', 'http']]],
  ['then 401.2, then 500.24', [['401.2', '401.2', 'http'], ['500.24', '500.24', 'http']]],
  ['error 500 on every page', [['500', '500.0', 'http']]],
  ['HTTP status 503', [['503', '503.0', 'http']]],
  ['see event 4625', [['4625', '4625', 'event']]],
  ['event id 5021 in System', [['5021', '5021', 'event']]],
  ['EventID 4769', [['4769', '4769', 'event']]],
  ['lots of 4625 events', [['4625', '4625', 'event']]],
  ['Status:0xC000015B', [['0xC000015B', '0xC000015B', 'ntstatus']]],
  ['SubStatus 0xC0000133 and STATUS_TIME_DIFFERENCE_AT_DC', [['0xC0000133', '0xC0000133', 'ntstatus'], ['STATUS_TIME_DIFFERENCE_AT_DC', '0xC0000133', 'ntstatus']]],
];

describe('findCodes', () => {
  for (const [text, expected] of found) {
    it(`finds ${expected.map((e) => e[0]).join(' + ')} in "${text}"`, () => {
      const mentions = findCodes(text);
      assert.deepEqual(
        mentions.map((m) => [m.input, m.decoded.canonical, m.decoded.family]),
        expected,
      );
      for (const m of mentions) {
        assert.equal(text.slice(m.start, m.end), m.input);
        assert.equal(m.decoded.input, m.input);
      }
    });
  }

  const notCodes = [
    'on 2024-05-01 at 10:15:02',
    'date 10.11.2023',
    'build 10.0.17763 of Windows',
    'framework 4.0.30319',
    'IIS 8.5',
    'IIS 10.0',
    '.NET 4.8',
    'Windows Server 2019',
    'port 443',
    'listening on :8080',
    'http://intranet:8080/app/default.aspx',
    'from 192.168.1.10 and ::1',
    'activityId {3A2A4E84-4C21-4981-AE10-3FDA0D9B0F83}',
    'it takes 1024 MB',
    'error in 1024 MB pages',
    'version 401.1 of the package',
    'HTTP status 200',
    'status 302 redirect',
    'C:\\inetpub\\logs\\LogFiles\\W3SVC1\\u_ex240501.log',
    'STATUS_CODE is the failureReason',
    'user 12345 and 67890',
    'timestamp 1714567890',
    'error 0',
  ];
  for (const text of notCodes) {
    it(`finds nothing in "${text}"`, () => {
      assert.deepEqual(findCodes(text).map((m) => m.input), []);
    });
  }

  it('reads "WAS 5059" as the WAS event, and "the error was 1326" still as the Win32 error', () => {
    assert.deepEqual(findCodes('Pool stops, WAS 5059 in the System log').map((m) => [m.input, m.decoded.family]), [['5059', 'event']]);
    assert.deepEqual(findCodes('LogonUser failed, the error was 1326').map((m) => m.decoded.canonical), ['0x8007052E']);
  });

  it('reads the exception code of a Windows Error Reporting event, not its time stamps, offsets or process id', () => {
    const text =
      'Faulting application name: w3wp.exe, version: 10.0.17763.1, time stamp: 0xcfdb13d8\nFaulting module name: clr.dll, time stamp: 0x5e7d1b8a\nException code: 0xc00000fd\nFault offset: 0x0012a4f3\nFaulting process id: 0x1e84';
    assert.deepEqual(findCodes(text).map((m) => m.decoded.canonical), ['0xC00000FD']);
  });

  it('reports one mention per span, the longest', () => {
    const text = 'KRB_AP_ERR_SKEW (0x25)';
    const mentions = findCodes(text);
    assert.equal(mentions.length, 1);
    assert.deepEqual([mentions[0].start, mentions[0].end], [0, text.length]);
  });

  it('finds codes spread through a large paste at their exact offsets', () => {
    const filler = 'nothing to see on 2024-05-01 at 10.0.17763, port 443; '.repeat(500);
    const text = `${filler}ErrorCode 0x80070542 ${filler}event 4625 ${filler}`;
    const mentions = findCodes(text);
    assert.deepEqual(mentions.map((m) => m.decoded.canonical), ['0x80070542', '4625']);
    assert.equal(mentions[0].start, filler.length + 'ErrorCode '.length);
  });
});

describe('findCodes on adversarial input', () => {
  // No timing threshold: these must complete and give the right answer. With a backtracking pattern they would not.
  const size = 100_000;
  const cases: [string, string, number][] = [
    ['a long run of digits', '9'.repeat(size), 0],
    ['"0x" repeated', '0x'.repeat(size / 2), 0],
    ['"0x " repeated', '0x '.repeat(size / 3), 0],
    ['"error error ..."', 'error '.repeat(size / 6), 0],
    ['"error 1" repeated', 'error 1 '.repeat(size / 8), size / 8],
    ['dots and digits', '1.'.repeat(size / 2), 0],
    ['dashes', '-'.repeat(size), 0],
    ['a 100 KB paste with no code', 'The application pool runs as a domain account. '.repeat(size / 47), 0],
    ['KRB names with open brackets', 'KRB_AP_ERR_SKEW ('.repeat(size / 17), size / 17],
  ];
  for (const [label, text, count] of cases) {
    it(`completes on ${label}`, () => {
      assert.equal(findCodes(text).length, Math.floor(count));
    });
  }
});
