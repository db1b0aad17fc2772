// The committed WebAssembly module must be what its AssemblyScript source compiles to: the binary is never edited
// by hand, and a change to scan.as.ts without `npm run build:wasm` fails here.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { WASM_MODULE, compileScanner, scannerModuleText } from '../../scripts/build-wasm.js';

describe('ingest/w3c WebAssembly build', () => {
  it('scan-wasm.ts is the current compile of scan.as.ts', async function () {
    this.timeout(60000);
    const fresh = scannerModuleText(await compileScanner());
    assert.ok(
      readFileSync(WASM_MODULE, 'utf8') === fresh,
      'scan-wasm.ts is stale: run `npm run build:wasm` and commit it',
    );
  });
});
