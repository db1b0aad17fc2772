// Turns the knowledge-base files (given as name + text, never paths) into validated entries.
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  causeFrontMatterSchema,
  conceptFrontMatterSchema,
  cuesFileSchema,
  lookalikeFrontMatterSchema,
  questionsFileSchema,
  type CauseFrontMatter,
  type ConceptFrontMatter,
  type CueSpec,
  type LookalikeFrontMatter,
  type QuestionSpec,
} from './schema.js';
import { parseSections, numberedSteps } from './markdown.js';

export interface KbFile {
  name: string;
  text: string;
}

export interface CauseEntry extends CauseFrontMatter {
  file: string;
  why: string;
  steps: string[];
  verify: string;
  tellApart: string;
  body: string;
}

export interface ConceptEntry extends ConceptFrontMatter {
  file: string;
  /** First paragraph: the short answer. */
  short: string;
  body: string;
}

export interface LookalikeEntry extends LookalikeFrontMatter {
  file: string;
  /** Why this is not an identity problem, and what it is instead. */
  why: string;
  /** What to check instead. */
  steps: string[];
  body: string;
}

export interface KnowledgeBase {
  causes: CauseEntry[];
  concepts: ConceptEntry[];
  lookalikes: LookalikeEntry[];
  questions: Map<string, QuestionSpec>;
}

/** The cause or look-alike with this id: what ruled-out ids, feedback and ticket resolutions name. */
export function findEntry(kb: KnowledgeBase, id: string): CauseEntry | LookalikeEntry | undefined {
  return kb.causes.find((k) => k.id === id) ?? kb.lookalikes.find((k) => k.id === id);
}

/** Whether the user ruled out an identity cause (a look-alike ruled out leaves every cause in play). */
export function ruledOutAnyCause(kb: KnowledgeBase, ruledOut: readonly string[]): boolean {
  return ruledOut.some((id) => kb.causes.some((k) => k.id === id));
}

export interface KbProblem {
  file: string;
  field: string;
  message: string;
}

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: KbProblem[]) {
    super(`Invalid knowledge base:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

export function formatProblem(p: KbProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

/** Parses and cross-checks every file; returns the entries and every problem found (never throws on bad input). */
export function parseKnowledgeBase(files: KbFile[]): { kb: KnowledgeBase; problems: KbProblem[] } {
  const problems: KbProblem[] = [];
  const kb: KnowledgeBase = { causes: [], concepts: [], lookalikes: [], questions: new Map() };
  const cues = new Map<string, CueSpec & { file: string }>();
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    if (/questions\.ya?ml$/i.test(file.name)) {
      readQuestions(file, kb, problems);
    } else if (/(^|[/.])cues\.ya?ml$/i.test(file.name)) {
      readCues(file, cues, problems);
    } else if (file.name.endsWith('.md') && !/(^|\/)README\.md$/i.test(file.name)) {
      readEntry(file, kb, problems);
    }
  }
  resolveCues(kb, cues, problems);
  crossCheck(kb, problems);
  return { kb, problems };
}

/** Like parseKnowledgeBase, but refuses an invalid knowledge base (the bot must not start on one). */
export function loadKnowledgeBase(files: KbFile[]): KnowledgeBase {
  const { kb, problems } = parseKnowledgeBase(files);
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return kb;
}

function readQuestions(file: KbFile, kb: KnowledgeBase, problems: KbProblem[]): void {
  const raw = readYaml(file, problems);
  if (!raw.ok) return;
  const result = questionsFileSchema.safeParse(raw.value);
  if (!result.success) {
    problems.push(...zodProblems(file.name, result.error));
    return;
  }
  for (const q of result.data) {
    if (kb.questions.has(q.id)) problems.push({ file: file.name, field: `questions.${q.id}`, message: 'duplicate question id' });
    kb.questions.set(q.id, q);
  }
}

function readYaml(file: KbFile, problems: KbProblem[]): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseYaml(file.text) };
  } catch (err) {
    problems.push({ file: file.name, field: '(yaml)', message: (err as Error).message.split('\n')[0] });
    return { ok: false };
  }
}

function readCues(file: KbFile, cues: Map<string, CueSpec & { file: string }>, problems: KbProblem[]): void {
  const raw = readYaml(file, problems);
  if (!raw.ok) return;
  const result = cuesFileSchema.safeParse(raw.value);
  if (!result.success) return void problems.push(...zodProblems(file.name, result.error));
  for (const c of result.data) {
    const other = cues.get(c.id);
    if (other) problems.push({ file: file.name, field: `cues.${c.id}`, message: `duplicate cue id (also in ${other.file})` });
    cues.set(c.id, { ...c, file: file.name });
  }
}

/** A signature naming a shared cue gets that cue's regular expression as its text matcher. */
function resolveCues(kb: KnowledgeBase, cues: Map<string, CueSpec>, problems: KbProblem[]): void {
  for (const c of [...kb.causes, ...kb.lookalikes]) {
    const resolve = (list: CauseEntry['signatures'], field: string): CauseEntry['signatures'] =>
      list.map((s, i) => {
        if (s.cue === undefined) return s;
        const cue = cues.get(s.cue);
        if (!cue) {
          problems.push({ file: c.file, field: `${field}[${i}].cue`, message: `unknown cue "${s.cue}" (cues are defined in cues.yaml)` });
          return s;
        }
        return { ...s, text: cue.text };
      });
    c.signatures = resolve(c.signatures, 'signatures');
    if ('rules_out' in c) c.rules_out = resolve(c.rules_out, 'rules_out');
  }
}

function readEntry(file: KbFile, kb: KnowledgeBase, problems: KbProblem[]): void {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file.text);
  if (!match) {
    problems.push({ file: file.name, field: '(front matter)', message: 'missing YAML front matter between --- lines' });
    return;
  }
  let raw: unknown;
  try {
    raw = parseYaml(match[1]);
  } catch (err) {
    problems.push({ file: file.name, field: '(front matter)', message: (err as Error).message.split('\n')[0] });
    return;
  }
  const body = match[2].trim();
  const kind = (raw as { kind?: unknown } | null)?.kind;
  if (kind === 'concept') {
    const result = conceptFrontMatterSchema.safeParse(raw);
    if (!result.success) return void problems.push(...zodProblems(file.name, result.error));
    const short = body.split(/\r?\n\s*\r?\n/)[0]?.replace(/^#+ .*\r?\n/, '').trim() ?? '';
    if (short.length < 20) problems.push({ file: file.name, field: 'body', message: 'a concept needs a first paragraph (the short answer)' });
    checkFileName(file, result.data.id, problems);
    kb.concepts.push({ ...result.data, file: file.name, short, body });
    return;
  }
  if (kind === 'lookalike') return readLookalike(file, raw, body, kb, problems);
  if (kind !== 'cause') {
    problems.push({ file: file.name, field: 'kind', message: 'must be "cause", "concept" or "lookalike"' });
    return;
  }
  const result = causeFrontMatterSchema.safeParse(raw);
  if (!result.success) return void problems.push(...zodProblems(file.name, result.error));
  const sections = parseSections(body);
  const why = sections.get('why it happens') ?? '';
  const fix = sections.get('fix') ?? '';
  const verify = sections.get('verify') ?? '';
  const steps = numberedSteps(fix);
  if (why.length < 40) problems.push({ file: file.name, field: '## Why it happens', message: 'missing or too short' });
  if (steps.length === 0) problems.push({ file: file.name, field: '## Fix', message: 'needs a numbered list of steps' });
  if (verify.length < 20) problems.push({ file: file.name, field: '## Verify', message: 'missing or too short' });
  checkFileName(file, result.data.id, problems);
  kb.causes.push({ ...result.data, file: file.name, why, steps, verify, tellApart: sections.get('tell it apart') ?? '', body });
}

function readLookalike(file: KbFile, raw: unknown, body: string, kb: KnowledgeBase, problems: KbProblem[]): void {
  const result = lookalikeFrontMatterSchema.safeParse(raw);
  if (!result.success) return void problems.push(...zodProblems(file.name, result.error));
  const sections = parseSections(body);
  const why = sections.get('why it is not an identity problem') ?? '';
  const steps = numberedSteps(sections.get('what to check') ?? '');
  if (why.length < 40) problems.push({ file: file.name, field: '## Why it is not an identity problem', message: 'missing or too short' });
  if (steps.length === 0) problems.push({ file: file.name, field: '## What to check', message: 'needs a numbered list of steps' });
  checkFileName(file, result.data.id, problems);
  kb.lookalikes.push({ ...result.data, file: file.name, why, steps, body });
}

function checkFileName(file: KbFile, id: string, problems: KbProblem[]): void {
  const base = file.name.split('/').pop() ?? file.name;
  if (base !== `${id}.md`) problems.push({ file: file.name, field: 'id', message: `file name must be ${id}.md` });
}

function crossCheck(kb: KnowledgeBase, problems: KbProblem[]): void {
  const seen = new Map<string, string>();
  const all = [...kb.causes, ...kb.concepts, ...kb.lookalikes];
  for (const e of all) {
    const other = seen.get(e.id);
    if (other) problems.push({ file: e.file, field: 'id', message: `duplicate id "${e.id}" (also in ${other})` });
    seen.set(e.id, e.file);
  }
  for (const e of all) {
    for (const r of e.related) {
      if (!seen.has(r)) problems.push({ file: e.file, field: 'related', message: `unknown entry "${r}"` });
    }
  }
  const causeIds = new Set(kb.causes.map((c) => c.id));
  for (const c of kb.causes) {
    for (const r of c.refines) {
      if (!causeIds.has(r) || r === c.id) problems.push({ file: c.file, field: 'refines', message: `"${r}" is not another cause` });
    }
    for (const q of c.questions) {
      if (!kb.questions.has(q)) problems.push({ file: c.file, field: 'questions', message: `unknown question "${q}"` });
    }
    for (const [i, s] of [...c.signatures, ...c.rules_out].entries()) {
      if (s.answer && !kb.questions.has(s.answer.question)) {
        problems.push({ file: c.file, field: `signatures[${i}].answer`, message: `unknown question "${s.answer.question}"` });
      }
      const q = s.answer && kb.questions.get(s.answer.question);
      if (q && !q.answers.some((a) => a.value === s.answer!.equals)) {
        problems.push({
          file: c.file,
          field: `signatures[${i}].answer`,
          message: `"${s.answer!.equals}" is not an answer of "${q.id}" (${q.answers.map((a) => a.value).join(', ')})`,
        });
      }
    }
  }
}

function zodProblems(file: string, error: z.ZodError): KbProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.length ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));
}
