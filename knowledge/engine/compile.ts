// Prepares a knowledge base for fast matching: regexes compiled, codes canonicalised, symptom vectors built.
// Done once per knowledge base (cached), so a text-only diagnosis stays in the low milliseconds.
import { decodeCode, equivalentCodes } from '../codes/index.js';
import type { CauseEntry, KnowledgeBase, LookalikeEntry } from '../kb-loader/load.js';
import type { SignatureSpec } from '../kb-loader/schema.js';
import type { EvidenceSource } from '../types.js';
import { Lru, MESSAGE_MEMO, TextMemo } from './lru.js';
import { buildSimilarityIndex, type SimilarityIndex } from './similarity.js';

export type Matcher =
  | { type: 'code'; codes: Set<string>; display: string }
  | {
      type: 'status';
      status: string;
      substatus?: string;
      win32?: Set<string>;
      /** Only the status of one request (a trace, an error page, the user's words), not one line among a log's many. */
      singleRequest?: true;
    }
  | { type: 'event'; id: string; where: { field: string; test: (v: string) => boolean }[] }
  | { type: 'pattern'; pattern: string }
  | { type: 'keyValue'; kinds: string[]; key: string; test: (v: string) => boolean; describe: string }
  | { type: 'answer'; question: string; equals: string; statedAs?: string }
  | { type: 'text'; regex: RegExp };

export interface CompiledSignature {
  matcher: Matcher;
  /** Index of the matcher in CompiledKnowledgeBase.matchers: signatures that share a matcher share its result. */
  slot: number;
  weight: number;
  means: string;
  /** A circumstance, not a symptom: it adds weight but cannot carry a diagnosis alone. */
  context: boolean;
}

export interface CompiledCause {
  entry: CauseEntry;
  signatures: CompiledSignature[];
  rulesOut: CompiledSignature[];
}

export interface CompiledLookalike {
  entry: LookalikeEntry;
  signatures: CompiledSignature[];
}

export interface CompiledKnowledgeBase {
  kb: KnowledgeBase;
  causes: CompiledCause[];
  lookalikes: CompiledLookalike[];
  byId: Map<string, CompiledCause>;
  similarity: SimilarityIndex;
  /** Every distinct matcher, indexed by CompiledSignature.slot. */
  matchers: Matcher[];
  /** Per-message results that do not change between turns of a conversation. */
  memo: {
    similarity: Lru<string, Map<string, { phrase: string; score: number }>>;
    /** What each message satisfies on its own: the matchers it fires, with source and excerpt. */
    messageMatches: TextMemo<SlotMatch[]>;
  };
}

/** One matcher satisfied by a message (its source line is set per case). */
export interface SlotMatch {
  slot: number;
  source: EvidenceSource;
  excerpt: string;
  tentative?: true;
}

const cache = new WeakMap<KnowledgeBase, CompiledKnowledgeBase>();

export function compileKnowledgeBase(kb: KnowledgeBase): CompiledKnowledgeBase {
  const cached = cache.get(kb);
  if (cached) return cached;
  const matchers: Matcher[] = [];
  const compileOne = (s: SignatureSpec, entry: { file: string }, decidesAlone = false): CompiledSignature => {
    const matcher = compileMatcher(s, entry, kb);
    // A status that rules a cause out, argues against it, or makes a look-alike must be the failure itself: an IIS
    // log holds every status of the day (the 401.2 and 401.1 of each normal handshake among them), so one such line
    // in it settles nothing.
    if ((decidesAlone || s.weight < 0) && matcher.type === 'status') matcher.singleRequest = true;
    const slot = matchers.push(matcher) - 1;
    return { matcher, slot, weight: s.weight, means: s.means, context: s.context };
  };
  const causes = kb.causes.map((entry) => ({
    entry,
    signatures: entry.signatures.map((s) => compileOne(s, entry)),
    rulesOut: entry.rules_out.map((s) => compileOne(s, entry, true)),
  }));
  inheritSymptoms(causes);
  const lookalikes = kb.lookalikes.map((entry) => ({ entry, signatures: entry.signatures.map((s) => compileOne(s, entry, true)) }));
  const phrases = kb.causes.flatMap((c) => [
    { docId: c.id, phrase: c.title },
    ...c.symptoms.map((phrase) => ({ docId: c.id, phrase })),
  ]);
  const compiled: CompiledKnowledgeBase = {
    kb,
    causes,
    lookalikes,
    byId: new Map(causes.map((c) => [c.entry.id, c])),
    similarity: buildSimilarityIndex(phrases),
    matchers,
    memo: { similarity: new Lru(2000), messageMatches: new TextMemo(MESSAGE_MEMO) },
  };
  cache.set(kb, compiled);
  return compiled;
}

/** Share of a general cause's symptom weight that a special case inherits: ties go to the general cause. */
export const INHERITED_WEIGHT = 0.9;

/**
 * A special case ("KCD target list misses the SPN") produces the same symptoms as its general cause ("credentials
 * cannot make the second hop"), so it inherits the general cause's observable symptom signatures at slightly less
 * weight. Its own specific evidence then decides between them; without it, the general cause stays ahead.
 * Answers, configuration and trace facts are not inherited: they describe the general cause's own mechanism. Of
 * the negative signatures only facts are: they refute what both causes share.
 */
function inheritSymptoms(causes: CompiledCause[]): void {
  const byId = new Map(causes.map((c) => [c.entry.id, c]));
  for (const cause of causes) {
    for (const generalId of cause.entry.refines) {
      const general = byId.get(generalId);
      if (!general) continue;
      for (const [i, sig] of general.signatures.entries()) {
        const spec = general.entry.signatures[i];
        const symptom = spec.code ?? spec.status ?? spec.event ?? spec.pattern ?? spec.text ?? spec.fact;
        // Counter-evidence a parser reads from a log ("SQL Server saw a SQL login, not a Windows account") refutes
        // the shared mechanism, so the special case inherits it too; other negatives tell the two causes apart.
        const counterFact = sig.weight < 0 && spec.fact !== undefined;
        if (symptom === undefined || (sig.weight <= 0 && !counterFact) || sig.context) continue;
        cause.signatures.push({ ...sig, weight: Math.round(sig.weight * INHERITED_WEIGHT * 100) / 100 });
      }
    }
  }
}

export class SignatureCompileError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'SignatureCompileError';
  }
}

function compileMatcher(s: SignatureSpec, entry: { file: string }, kb: KnowledgeBase): Matcher {
  if (s.code !== undefined) {
    const decoded = decodeCode(s.code);
    if (!decoded) throw new SignatureCompileError(entry.file, `signature code "${s.code}" is not a code I can decode`);
    return { type: 'code', codes: new Set(equivalentCodes(decoded.canonical)), display: s.code };
  }
  if (s.status !== undefined) {
    const [status, substatus, win32] = s.status.split('.');
    const win32Codes = win32 ? codeSet(win32, entry) : undefined;
    return { type: 'status', status, substatus, win32: win32Codes };
  }
  if (s.event !== undefined) {
    const where = Object.entries(s.where ?? {}).map(([field, expected]) => ({
      field: field.toLowerCase(),
      test: valueTest(expected),
    }));
    return { type: 'event', id: s.event, where };
  }
  if (s.pattern !== undefined) return { type: 'pattern', pattern: s.pattern.toLowerCase() };
  for (const kind of ['trace', 'config', 'fact'] as const) {
    const m = s[kind];
    if (!m) continue;
    const test =
      m.exists !== undefined
        ? () => true
        : m.matches !== undefined
          ? regexTest(m.matches)
          : (v: string) => v.toLowerCase() === String(m.equals).toLowerCase();
    const describe = m.exists ? `${m.key} is set` : m.matches ? `${m.key} ~ /${m.matches}/` : `${m.key} = ${m.equals}`;
    // Config facts are matched on the config kind only; trace and fact keys are namespaced already.
    return { type: 'keyValue', kinds: [kind], key: m.key.toLowerCase(), test, describe };
  }
  if (s.answer) {
    const statedAs = kb.questions.get(s.answer.question)?.stated_as?.toLowerCase();
    return { type: 'answer', question: s.answer.question, equals: s.answer.equals.toLowerCase(), ...(statedAs ? { statedAs } : {}) };
  }
  if (s.text !== undefined) return { type: 'text', regex: new RegExp(s.text, 'gi') };
  throw new SignatureCompileError(entry.file, 'signature without matcher');
}

function codeSet(raw: string, entry: { file: string }): Set<string> {
  const decoded = decodeCode(raw);
  if (!decoded) throw new SignatureCompileError(entry.file, `status win32 part "${raw}" is not a code I can decode`);
  return new Set(equivalentCodes(decoded.canonical));
}

/** "/regex/" tests as a case-insensitive regex; anything else as a case-insensitive equality. */
function valueTest(expected: string): (v: string) => boolean {
  const re = /^\/(.+)\/$/.exec(expected);
  if (re) return regexTest(re[1]);
  const lower = expected.toLowerCase();
  return (v) => v.toLowerCase() === lower;
}

function regexTest(source: string): (v: string) => boolean {
  const regex = new RegExp(source, 'i');
  return (v) => regex.test(v);
}
