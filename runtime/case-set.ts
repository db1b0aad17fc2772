// The labelled evaluation cases in test/cases/*.yaml (how real users report problems).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from './kb-files.js';

export const defaultCasesDir = join(repoRoot, 'test', 'cases');
export const holdoutCasesDir = join(repoRoot, 'test', 'cases-holdout');
/** Blind-written sets that were looked at while tuning: reported, but no longer an estimate of unseen reports. */
export const devCasesDir = join(repoRoot, 'test', 'cases-dev');

const caseSchema = z
  .object({
    id: z.string().min(1),
    expect: z.string().min(1),
    also: z.array(z.string()).default([]),
    text: z.string().optional(),
    texts: z.array(z.string()).optional(),
    files: z.array(z.string()).default([]),
    answers: z.record(z.string(), z.string()).default({}),
    notes: z.string().optional(),
  })
  .refine((c) => Boolean(c.text) !== Boolean(c.texts) || c.files.length > 0, { message: 'needs text or texts (not both)' });

export type LabelledCase = z.infer<typeof caseSchema> & { file: string; messages: string[] };

export class CaseSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseSetError';
  }
}

export function readCaseSet(dir = defaultCasesDir): LabelledCase[] {
  const cases: LabelledCase[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const raw: unknown = parse(readFileSync(join(dir, name), 'utf8'));
    if (!Array.isArray(raw)) throw new CaseSetError(`${name}: must be a YAML list of cases`);
    raw.forEach((item, i) => {
      const result = caseSchema.safeParse(item);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new CaseSetError(`${name}: case ${i + 1}: ${issue.path.join('.') || '(case)'}: ${issue.message}`);
      }
      if (ids.has(result.data.id)) throw new CaseSetError(`${name}: duplicate case id "${result.data.id}"`);
      ids.add(result.data.id);
      const messages = result.data.texts ?? (result.data.text ? [result.data.text] : []);
      cases.push({ ...result.data, file: name, messages });
    });
  }
  return cases;
}
