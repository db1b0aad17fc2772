import assert from 'node:assert/strict';
import { canonicalCode, equivalentCodes } from '../../knowledge/codes/index.js';

describe('canonicalCode', () => {
  const sameCode: [string | number, string | undefined, string][] = [
    ['1346', undefined, '0x80070542'],
    [1346, undefined, '0x80070542'],
    ['0x542', 'win32', '0x80070542'],
    ['0x80070542', undefined, '0x80070542'],
    ['0x80070542', 'hresult', '0x80070542'],
    ['80070542', undefined, '0x80070542'],
    ['2147943746', undefined, '0x80070542'],
    ['2147943746', 'win32', '0x80070542'],
    ['-2147023550', undefined, '0x80070542'],
    [-2147023550, undefined, '0x80070542'],
    ['ERROR_BAD_IMPERSONATION_LEVEL', undefined, '0x80070542'],
    ['error_bad_impersonation_level', undefined, '0x80070542'],
    ['0xC000006D', undefined, '0xC000006D'],
    ['0xc000006d', 'ntstatus', '0xC000006D'],
    ['STATUS_LOGON_FAILURE', undefined, '0xC000006D'],
    ['3221225581', undefined, '0xC000006D'],
    ['2148074254', undefined, '0x8009030E'],
    ['2148074254', 'win32', '0x8009030E'],
    ['0x8009030E', undefined, '0x8009030E'],
    ['SEC_E_NO_CREDENTIALS', undefined, '0x8009030E'],
    ['E_ACCESSDENIED', undefined, '0x80070005'],
    ['KRB_AP_ERR_MODIFIED', undefined, 'KRB:0x29'],
    ['KDC_ERR_BADOPTION', undefined, 'KRB:0x0D'],
    ['0x29', 'kerberos', 'KRB:0x29'],
    ['0xd', 'kerberos', 'KRB:0x0D'],
    ['13', 'kerberos', 'KRB:0x0D'],
    ['KRB:0x29', undefined, 'KRB:0x29'],
    ['KRB_AP_ERR_SKEW', undefined, 'KRB:0x25'],
    ['0x80071234', undefined, '0x80071234'],
    ['0xC0001234', undefined, '0xC0001234'],
    ['0x00090312', undefined, '0x00090312'],
  ];
  for (const [raw, hint, expected] of sameCode) {
    it(`reads ${typeof raw === 'number' ? 'the number ' : ''}${raw}${hint ? ` (hint ${hint})` : ''} as ${expected}`, () => {
      assert.equal(canonicalCode(raw, hint as 'win32' | undefined), expected);
    });
  }

  const notCodes: (string | number)[] = ['0', 0, 'ERROR_SUCCESS', 'S_OK', '', 'hello', 'ERROR_NOT_A_REAL_NAME', '1.5', 'x123', '0x123456789', 1.5];
  for (const raw of notCodes) {
    it(`returns null for ${JSON.stringify(raw)}`, () => {
      assert.equal(canonicalCode(raw), null);
    });
  }
});

describe('equivalentCodes', () => {
  it('links the Win32 error and the NTSTATUS it comes from, both ways', () => {
    assert.ok(equivalentCodes('0x80070542').includes('0xC00000A5'));
    assert.ok(equivalentCodes('0xC00000A5').includes('0x80070542'));
    assert.equal(equivalentCodes('0x80070542')[0], '0x80070542');
  });

  const pairs: [string, string][] = [
    ['0xC000006D', '0x8007052E'],
    ['0xC000015B', '0x80070569'],
    ['0xC0000061', '0x80070522'],
    ['0xC0000234', '0x80070775'],
    ['0xC0000072', '0x80070533'],
    ['0xC0000071', '0x80070532'],
    ['0xC0000133', '0x80070576'],
    ['0xC0000224', '0x80070773'],
    ['0xC0000064', '0x80070525'],
    ['0xC000006A', '0x80070056'],
  ];
  for (const [nt, win32] of pairs) {
    it(`maps ${nt} to ${win32} and back`, () => {
      assert.ok(equivalentCodes(nt).includes(win32), `${nt} -> ${equivalentCodes(nt).join(',')}`);
      assert.ok(equivalentCodes(win32).includes(nt), `${win32} -> ${equivalentCodes(win32).join(',')}`);
    });
  }

  it('accepts any notation and matches a signature written as 1346 against 0xC00000A5', () => {
    assert.ok(equivalentCodes('1346').includes('0xC00000A5'));
  });

  it('returns just the code for one without equivalents, and [] for no code', () => {
    assert.deepEqual(equivalentCodes('KRB:0x29'), ['KRB:0x29']);
    assert.deepEqual(equivalentCodes('not a code'), []);
  });
});
