import { strict as assert } from 'node:assert';
import { ingestText } from '../../knowledge/ingest/index.js';
import { parseText } from '../../knowledge/ingest/text/index.js';
import { find, fixture, values } from './helpers.js';

describe('ingest/text', () => {
  it('reads an ASP.NET yellow screen: phrase, code, exception; the planted password is gone', () => {
    const r = parseText('ysod.html', fixture('text/ysod-identity-token.html'));
    assert.ok(values(r.evidence, 'text.phrase').includes('identity-token-from-config-failed'));
    assert.ok(values(r.evidence, 'code').includes('0x8007052E'));
    assert.ok(values(r.evidence, 'text.exception').includes('ConfigurationErrorsException'));
    assert.equal(find(r.evidence, 'secrets.plaintext-credentials', 'true')?.kind, 'fact');
    assert.ok(!JSON.stringify(r).includes('Ysod-Pa55word!'));
    assert.ok(!/<\w+/.test(r.redactedText!.split('\n').slice(0, 5).join('')), 'tags stripped');
  });

  const table: { text: string; key: string; value: string }[] = [
    { text: "System.Data.SqlClient.SqlException (0x80131904): Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'.", key: 'text.sql-login-failed-user', value: 'NT AUTHORITY\\ANONYMOUS LOGON' },
    { text: "System.Data.SqlClient.SqlException (0x80131904): Login failed for user 'x'.", key: 'text.exception', value: 'System.Data.SqlClient.SqlException' },
    { text: 'System.UnauthorizedAccessException: Access to the path is denied.', key: 'text.exception', value: 'System.UnauthorizedAccessException' },
    { text: 'HTTP Error 500.24 - Internal Server Error', key: 'http.status', value: '500.24' },
    { text: 'HTTP Error 401.2 - Unauthorized', key: 'http.status', value: '401.2' },
    { text: 'The remote server returned an error: (401) Unauthorized.', key: 'http.status', value: '401.0' },
    { text: 'Error Code 0x80070542', key: 'code', value: '0x80070542' },
    { text: 'Exception from HRESULT: 0x8007052E', key: 'code', value: '0x8007052E' },
  ];
  for (const t of table) {
    it(`finds ${t.key} = ${t.value} in "${t.text.slice(0, 50)}"`, () => {
      const r = ingestText(t.text);
      const e = find(r.evidence, t.key, t.value);
      assert.ok(e, JSON.stringify(r.evidence.map((x) => [x.key, x.value])));
      assert.equal(e.source.file, 'message');
      assert.equal(e.source.line, 1);
    });
  }

  it('cites the line of each finding in a stack trace', () => {
    const r = ingestText('first line\n\nat Foo()\nSystem.InvalidOperationException: boom');
    assert.equal(find(r.evidence, 'text.exception', 'System.InvalidOperationException')?.source.line, 4);
  });
});
