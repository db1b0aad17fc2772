// `npm run bench:engine`: time of one text-only diagnosis after start-up, against a baseline measured in the
// same run (tokenising and stemming the same text, the least any text-understanding step must do).
import { performance } from 'node:perf_hooks';
import { addMessage, diagnose, emptyCase } from '../knowledge/index.js';
import { terms } from '../knowledge/engine/similarity.js';
import { bundledKnowledgeBase } from '../runtime/kb-files.js';

const messages = [
  'our mbam helpdesk portal shows only text, every file except index.html returns 500 since the gpo change',
  'HTTP Error 500.24 - Internal Server Error. An ASP.NET setting has been detected that does not apply in Integrated managed pipeline mode.',
  "Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON' when the web app connects to sql, works on the server itself",
  'LogonUser fails with error 1385 for the service account',
  'getting 401.1 when i browse the site by its fqdn on the server itself',
];

function timeIt(label: string, iterations: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(200, iterations); i++) fn(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const perOp = (performance.now() - start) / iterations;
  console.log(`${label.padEnd(42)} ${(perOp * 1000).toFixed(1).padStart(9)} µs/op`);
  return perOp;
}

const kb = bundledKnowledgeBase();
const startUp = performance.now();
diagnose(kb, addMessage(emptyCase(), 'warm up the compiled knowledge base'));
console.log(`first diagnosis (compiles the knowledge base): ${(performance.now() - startUp).toFixed(1)} ms`);

const n = 2000;
const baseline = timeIt('baseline: tokenise + stem the text', n, (i) => terms(messages[i % messages.length]));
const engine = timeIt('diagnose(text-only case)', n, (i) => diagnose(kb, addMessage(emptyCase(), messages[i % messages.length])));
console.log(`\nratio diagnose / baseline: ${(engine / baseline).toFixed(1)}x`);
console.log(`diagnose per text-only case: ${engine.toFixed(3)} ms (target < 5 ms): ${engine < 5 ? 'PASS' : 'FAIL'}`);
