// Tests one signature against everything known about a case and cites what satisfied it.
import { equivalentCodes } from '../codes/index.js';
import type { CitedEvidence, Evidence, EvidenceSource } from '../types.js';
import type { CompiledSignature, Matcher } from './compile.js';
import { MESSAGE_SOURCE, excerptAround } from './text-evidence.js';

/** What a diagnosis looks at, indexed once per call. */
export interface CaseView {
  evidence: Evidence[];
  byKey: Map<string, Evidence[]>;
  /** Texts to run text signatures on: the user's messages and uploaded plain-text documents. */
  texts: { text: string; source: EvidenceSource }[];
  answers: Record<string, string>;
  /** Canonical code -> its equivalents, memoised for this case. */
  codeSets: Map<string, string[]>;
}

export function makeCaseView(evidence: Evidence[], texts: { text: string; source: EvidenceSource }[], answers: Record<string, string>): CaseView {
  const byKey = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const key = e.key.toLowerCase();
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  }
  return { evidence, byKey, texts, answers, codeSets: new Map() };
}

/** Where a matcher was satisfied, before it is cited for one signature (signatures sharing a matcher differ in weight). */
export interface Found {
  source: EvidenceSource;
  excerpt: string;
  /**
   * A cue the user asked about or hedged ("is the account locked?", "I think the pool can't read it"), or an answer
   * stated in passing: circumstances, not evidence of the failure, and replaced by a plain statement or answer.
   */
  tentative?: true;
}

export function citationOf(source: EvidenceSource, excerpt: string): string {
  const where = [source.file];
  if (source.line !== undefined) where.push(source.file === MESSAGE_SOURCE ? `message ${source.line}` : `line ${source.line}`);
  if (source.event !== undefined) where.push(`event ${source.event}`);
  if (source.path !== undefined) where.push(source.path);
  const place = source.file === MESSAGE_SOURCE && source.line !== undefined ? `your message ${source.line}` : where.join(', ');
  return `${place}: ${excerpt}`;
}

export function cite(sig: CompiledSignature, found: Found): CitedEvidence {
  return { citation: citationOf(found.source, found.excerpt), meaning: sig.means, weight: sig.weight, source: found.source, excerpt: found.excerpt };
}

/** The first piece of evidence, answer or text that satisfies the matcher, or null. */
export function findMatch(m: Matcher, view: CaseView): Found | null {
  const found = findEvidence(m, view);
  if (found) return { source: found.source, excerpt: found.excerpt };
  if (m.type === 'answer') {
    const answer = view.answers[m.question];
    if (answer !== undefined) return answer.toLowerCase() === m.equals ? { source: { file: 'answer', path: m.question }, excerpt: `you answered "${answer}"` } : null;
    // The answer stated in passing ("the app pool runs as CONTOSO\svc-web"), cited where it was said.
    const stated = m.statedAs ? (view.byKey.get(m.statedAs) ?? []).find((e) => e.value.toLowerCase() === m.equals) : undefined;
    return stated ? { source: stated.source, excerpt: stated.excerpt, tentative: true } : null;
  }
  if (m.type === 'text') return matchText(m.regex, view);
  return null;
}

function findEvidence(m: Matcher, view: CaseView): Evidence | undefined {
  switch (m.type) {
    case 'code':
      return (view.byKey.get('code') ?? []).find((e) => codesOf(e.value, view).some((c) => m.codes.has(c)));
    case 'status':
      return (view.byKey.get('http.status') ?? []).find((e) => !(m.singleRequest && isLogTally(e) && !isRepeatedFailure(e)) && statusMatches(m, e, view));
    case 'event':
      return (view.byKey.get('event') ?? []).find(
        (e) => e.value === m.id && m.where.every((w) => w.test(attr(e, w.field) ?? '')),
      );
    case 'pattern':
      return (view.byKey.get('pattern') ?? []).find((e) => e.value.toLowerCase() === m.pattern);
    case 'keyValue':
      return (view.byKey.get(m.key) ?? []).find((e) => m.test(e.value));
    default:
      return undefined;
  }
}

/** A status counted over the lines of a log (W3C, HTTPERR, HAR) rather than the outcome of one request. */
function isLogTally(e: Evidence): boolean {
  return e.attrs?.count !== undefined;
}

/**
 * A log's tally of a failure no normal exchange produces (403.503 on 38 lines), as opposed to the 401.1 / 401.2 of
 * every Windows-authentication handshake or one stray line: the failure itself, as a trace would show it.
 */
function isRepeatedFailure(e: Evidence): boolean {
  return Number(e.attrs?.count ?? 0) >= 3 && !e.value.startsWith('401.') && /^[45]/.test(e.value);
}

function statusMatches(m: Extract<Matcher, { type: 'status' }>, e: Evidence, view: CaseView): boolean {
  const [status, substatus = '0'] = e.value.split('.');
  if (status !== m.status) return false;
  if (m.substatus !== undefined && substatus !== m.substatus) return false;
  if (m.win32) {
    const win32 = e.attrs?.win32;
    if (!win32) return false;
    return codesOf(win32, view).some((c) => m.win32!.has(c));
  }
  return true;
}

function codesOf(value: string, view: CaseView): string[] {
  let set = view.codeSets.get(value);
  if (!set) {
    set = equivalentCodes(value);
    view.codeSets.set(value, set);
  }
  return set;
}

function attr(e: Evidence, field: string): string | undefined {
  if (!e.attrs) return undefined;
  for (const [k, v] of Object.entries(e.attrs)) if (k.toLowerCase() === field) return v;
  return undefined;
}

// A cue right after a negated verb ("it is not kerberos", "we didn't touch the gpo") argues against, not for.
// "no"/"without" are left out on purpose: "the token has no SeImpersonatePrivilege" is evidence *for* a cause.
// A dash standing alone ends the negation's reach: "This page isn't working - redirected you too many times" negates
// nothing after it, while "haven't re-enabled" or "did not (yet)" still negate. Teams and Outlook write n’t.
const negationBefore = /\b(?:not|never|(?:is|was|are|were|did|does|do|have|has)n[’']?t)\s+(?:(?![-–—]\s)\S+\s+){0,2}$/i;

function matchText(regex: RegExp, view: CaseView): Found | null {
  for (const { text, source } of view.texts) {
    // A plain statement of the cue beats a question or a hedge about it earlier in the same text.
    const isFirm = source.file === MESSAGE_SOURCE ? (h: Hit) => !isTentative(text, h.start, h.end) : () => true;
    const { hit, firm } = firstMatch(regex, text, isFirm);
    if (!hit) continue;
    const found: Found = { source, excerpt: `"${excerptAround(text, hit.start, hit.end)}"` };
    if (!firm) found.tentative = true;
    return found;
  }
  return null;
}

const HEDGE = /\b(?:i think|i thought|i guess|i bet|i suspect|i assume|i believe|i wonder|wondering (?:if|whether)|not sure (?:if|whether)|maybe|perhaps|probably|possibly|might be|could (?:it|this|that) be|would (?:it|this|that) be|do (?:i|we) need|should (?:i|we))\b|^\s*(?:is|are|was|could|can|does|do) (?:it|this|that|there|the|we|our|my)\b/i;

/** Where the clause around a cue starts and ends: sentence ends and , ; : or a dash, but not the dot inside 401.2 or web01.contoso.com. */
const CLAUSE_END = /[!?\n,;:]|\.(?![\w])|\s[-–—]\s/;
const CLAUSE_ENDS = new RegExp(CLAUSE_END.source, 'g');

/**
 * The user's own reading is a hypothesis, not evidence: a cue in a question ("Is the account locked for FTP?") or
 * after a hedge ("I think the app pool identity can't read the folder") still adds its weight, but cannot carry a
 * cause on its own. Only the cue's own clause counts: "the clock is off, how do I fix that?" states a fact.
 */
function isTentative(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_ENDS)) clauseStart = m.index + m[0].length;
  if (HEDGE.test(before.slice(clauseStart))) return true;
  const rest = text.slice(end, end + 300);
  const stop = rest.search(CLAUSE_END);
  // A question mark ends the clause only as punctuation: "app?id=1" in a URL is not a question.
  return stop >= 0 && rest[stop] === '?' && (stop + 1 >= rest.length || /\s/.test(rest[stop + 1]));
}

interface Hit {
  start: number;
  end: number;
}

/**
 * The first firm match of a text cue that is not negated by the words before it, else the first one at all (then
 * `firm` is false), in one pass.
 */
function firstMatch(regex: RegExp, text: string, isFirm: (hit: Hit) => boolean): { hit?: Hit; firm: boolean } {
  regex.lastIndex = 0;
  let first: Hit | undefined;
  let match: RegExpExecArray | null;
  // Bounded: a pathological pattern cannot loop forever on zero-length matches.
  for (let guard = 0; guard < 50 && (match = regex.exec(text)); guard++) {
    if (match[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const selfNegating = /^(?:no|not|without|never)\b/i.test(match[0]);
    if (!selfNegating && negationBefore.test(before)) continue;
    const hit = { start: match.index, end: match.index + match[0].length };
    if (isFirm(hit)) return { hit, firm: true };
    first ??= hit;
  }
  return { hit: first, firm: false };
}
