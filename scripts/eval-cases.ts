// `npm run eval`: the engine against the labelled case set: top-1 / top-3 accuracy and every miss.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diagnoseInputs, SCORING, type DiagnoseOutput } from '../knowledge/index.js';
import { defaultCasesDir, devCasesDir, holdoutCasesDir, readCaseSet, type LabelledCase } from '../runtime/case-set.js';
import { bundledKnowledgeBase, repoRoot } from '../runtime/kb-files.js';

export interface EvalResult {
  total: number;
  top1: number;
  top3: number;
  misses: { c: LabelledCase; got: string[]; diagnosis: DiagnoseOutput }[];
}

export async function evaluateCases(cases = readCaseSet()): Promise<EvalResult> {
  const kb = bundledKnowledgeBase();
  const result: EvalResult = { total: cases.length, top1: 0, top3: 0, misses: [] };
  for (const c of cases) {
    const files = c.files.map((f) => ({ name: basename(f), data: readFileSync(join(repoRoot, f)) }));
    const d = await diagnoseInputs({ texts: c.messages, files, answers: c.answers }, kb);
    const got = ranked(d, c.expect);
    const hit1 = got[0] === c.expect;
    const hit3 = got.slice(0, 3).includes(c.expect);
    if (hit1) result.top1++;
    if (hit3) result.top3++;
    if (!hit1) result.misses.push({ c, got, diagnosis: d });
  }
  return result;
}

/**
 * What the answer ranks: its causes, or "unknown". A case that expects a look-alike (`expect: lookalike-...`) is
 * answered when no cause is offered and that look-alike is named first; one that expects "unknown" only needs no
 * cause (naming a look-alike as well is fine).
 */
export function ranked(d: DiagnoseOutput, expect: string): string[] {
  if (!d.unknown) return d.hypotheses.map((h) => h.id);
  return expect.startsWith('lookalike-') ? [...(d.lookalikes ?? []).map((l) => l.id), 'unknown'] : ['unknown'];
}

const verbose = process.argv.includes('--verbose');
/** `--dir PATH`: also a case set of your own (same YAML), e.g. reports collected from users. */
const extraDir = process.argv.includes('--dir') ? process.argv[process.argv.indexOf('--dir') + 1] : undefined;

async function main(): Promise<void> {
  console.log(`Scoring: ${JSON.stringify(SCORING)}`);
  await report('Labelled set (test/cases)', defaultCasesDir);
  // The held-out set is never used to tune entries or scoring: it estimates accuracy on reports nobody here saw.
  await report('Held-out set (test/cases-holdout)', holdoutCasesDir);
  // Written blind, then used while tuning: a check that changes do not undo what they fixed, not an estimate.
  await report('Development set (test/cases-dev)', devCasesDir);
  if (extraDir) await report(`Case set ${extraDir}`, extraDir);
}

async function report(title: string, dir: string): Promise<void> {
  const r = await evaluateCases(readCaseSet(dir));
  const pct = (n: number) => `${((100 * n) / r.total).toFixed(1)}%`;
  console.log(`\n${title}: ${r.total} cases   top-1: ${r.top1} (${pct(r.top1)}, target 85%)   top-3: ${r.top3} (${pct(r.top3)}, target 95%)`);
  if (r.misses.length > 0) {
    console.log('\nTop-1 misses:');
    for (const m of r.misses) {
      const inTop3 = m.got.slice(0, 3).includes(m.c.expect) ? ' (in top 3)' : '';
      console.log(`- ${m.c.file} ${m.c.id}: expected ${m.c.expect}${inTop3}, got ${m.got.slice(0, 3).join(', ') || '(nothing)'}`);
      if (verbose) {
        for (const h of m.diagnosis.hypotheses.slice(0, 2)) {
          console.log(`    ${h.id} ${h.confidence}: ${h.evidence.map((e) => `${e.weight} ${e.meaning.slice(0, 60)}`).join('; ')}`);
        }
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
