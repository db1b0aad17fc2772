import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const moduleUrl = new URL('../../runtime/quiet-known-warnings.ts', import.meta.url).href;

/** What a fresh Node prints on stderr for these warnings, with the filter loaded first. */
function stderrOf(script: string): string {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `await import(${JSON.stringify(moduleUrl)});\n${script}`], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  }
}

describe('runtime/quiet-known-warnings', () => {
  it('drops the DEP0111 warning that loading restify (spdy, http-deceiver) causes, and nothing else', () => {
    const out = stderrOf(
      [
        "process.emitWarning(\"Access to process.binding('http_parser') is deprecated.\", 'DeprecationWarning', 'DEP0111');",
        "process.emitWarning(\"Access to process.binding('fs') is deprecated.\", 'DeprecationWarning', 'DEP0111');",
        "process.emitWarning('something else', { type: 'DeprecationWarning', code: 'DEP0005' });",
        'await new Promise((r) => setTimeout(r, 20));',
        'process.exitCode = 3;',
      ].join('\n'),
    );
    assert.ok(!out.includes("process.binding('http_parser')"), out);
    assert.ok(out.includes("process.binding('fs')"), out);
    assert.ok(out.includes('something else'), out);
  });
});
