// Case -> ranked, cited hypotheses. Deterministic: same knowledge base and case, same diagnosis.
import { decodeCode } from '../codes/index.js';
import type { KnowledgeBase } from '../kb-loader/load.js';
import type { Case, CitedEvidence, DecodedCode, Diagnosis, Evidence, EvidenceSource, Hypothesis, LookalikeMatch } from '../types.js';
import { compileKnowledgeBase, type CompiledCause, type CompiledKnowledgeBase, type CompiledLookalike, type CompiledSignature } from './compile.js';
import { caseMatches } from './case-matches.js';
import { derivedFacts } from './derived-facts.js';
import { cite, makeCaseView, type CaseView, type Found } from './match.js';
import { bestQuestion, beliefs } from './question.js';
import { bestPhrasePerDocOfMessages } from './similarity.js';
import { withoutToolRows } from '../ingest/text/index.js';
import { evidenceFromTexts, withCorrections } from './text-evidence.js';
import { whatWouldHelp } from './what-would-help.js';

/** Tuning of the scoring; exported so the evaluation can report what it ran with. */
export const SCORING = {
  /** Below this total weight a cause is not offered at all: the engine says it does not know. */
  minScore: 3,
  /** Leading causes below this fraction of the best one are dropped as noise. */
  relativeCutoff: 0.3,
  maxHypotheses: 5,
  /** Recognised non-identity problems reported with a diagnosis. */
  maxLookalikes: 2,
  /** Text similarity is a weak signal: at most this much weight, and only above minSimilarity. */
  similarityWeight: 6,
  minSimilarity: 0.25,
  /** Softmax temperature over scores for relative confidence and question choice. */
  temperature: 3,
  /** Ask a question when the runner-up is at least this close to the leader. */
  closeRatio: 0.75,
  /** Net weight of evidence about the failure itself (for minus against) a cause needs before it is offered: a weight-1 hint (a bare 500, "access is denied") is not enough alone. */
  minSubstantive: 2,
  /** Weight of new, substantive evidence that brings a ruled-out cause back (a code or a trace fact, not a cue). */
  reconsiderWeight: 6,
} as const;

export const KEY_TEXT_DOCUMENT = 'text.document';
/** The source of similarity evidence: the user's description as a whole. */
const MESSAGE_SOURCE_SIMILARITY = 'description';

interface Scored {
  cause: CompiledCause;
  score: number;
  /** The score without wording similarity: what the case's evidence itself says. */
  evidenceScore: number;
  evidence: CitedEvidence[];
  reconsidered: boolean;
}

interface ScoredLookalike {
  match: LookalikeMatch;
  /** Net weight of its evidence about the failure itself (circumstances and hedges left out). */
  substantive: number;
}

export function diagnose(kb: KnowledgeBase, given: Case): Diagnosis {
  const compiled = compileKnowledgeBase(kb);
  const texts = withCorrections(given.texts);
  const c = texts === given.texts ? given : { ...given, texts };
  const allEvidence = [...evidenceFromTexts(c.texts), ...c.evidence];
  const found = caseMatches(compiled, c, uploadsView(c, allEvidence));
  // What the case already satisfied when a cause was ruled out, per distinct moment (usually one or two).
  const satisfiedThen = new Map<string, (Found | null)[]>();
  const satisfiedWhen = (mark: { texts: number; evidence: number }): (Found | null)[] => {
    const key = `${mark.texts}/${mark.evidence}`;
    let then = satisfiedThen.get(key);
    if (!then) {
      const earlier: Case = { ...c, texts: c.texts.slice(0, mark.texts), evidence: c.evidence.slice(0, mark.evidence) };
      then = caseMatches(compiled, earlier, uploadsView(earlier, [...evidenceFromTexts(earlier.texts), ...earlier.evidence]));
      satisfiedThen.set(key, then);
    }
    return then;
  };
  const ruledOut = new Set(c.ruledOut);
  const similarity = bestPhrasePerDocOfMessages(c.texts.map(withoutToolRows), compiled.similarity, compiled.memo.similarity);

  const scored: Scored[] = [];
  for (const cause of compiled.causes) {
    const wasRuledOut = ruledOut.has(cause.entry.id);
    if (wasRuledOut && !c.ruledOutAt?.[cause.entry.id]) continue;
    if (cause.rulesOut.some((s) => found[s.slot])) continue;
    const { evidence, contextual, score: evidenceScore } = collectEvidence(cause.signatures, found);
    let score = evidenceScore;
    const sim = similarity.get(cause.entry.id);
    if (c.texts.length > 0 && sim && sim.score >= SCORING.minSimilarity) {
      const weight = round(SCORING.similarityWeight * sim.score);
      score += weight;
      evidence.push({
        citation: `your description resembles the known symptom "${sim.phrase}"`,
        meaning: 'similar wording to how this cause is usually reported',
        weight,
        source: { file: MESSAGE_SOURCE_SIMILARITY },
        excerpt: sim.phrase,
      });
    }
    if (wasRuledOut && !broughtBack(cause, found, satisfiedWhen(c.ruledOutAt![cause.entry.id]))) continue;
    if (score >= SCORING.minScore && isSubstantiated(evidence, contextual)) scored.push({ cause, score, evidenceScore, evidence, reconsidered: wasRuledOut });
  }
  scored.sort((a, b) => b.score - a.score || a.cause.entry.id.localeCompare(b.cause.entry.id));
  const lookalikes = scoreLookalikes(compiled, found, (l) => {
    if (!ruledOut.has(l.entry.id)) return 'in-play';
    const mark = c.ruledOutAt?.[l.entry.id];
    return mark && broughtBack(l, found, satisfiedWhen(mark)) ? 'brought-back' : 'out';
  });
  // A recognised non-identity problem whose own failure evidence outweighs a cause's whole evidence explains the
  // report better than that cause: wording similarity cannot lift a cause over it, circumstances (a product named,
  // a setting mentioned) never make a look-alike outweigh anything, and a tie goes to the cause.
  const strongestLookalike = lookalikes[0]?.substantive ?? 0;
  const offered = strongestLookalike > 0 ? scored.filter((s) => s.evidenceScore >= strongestLookalike) : scored;

  const top = offered[0]?.score ?? 0;
  const leaders = offered.filter((s) => s.score >= top * SCORING.relativeCutoff).slice(0, SCORING.maxHypotheses);
  const hypotheses = toHypotheses(leaders);
  const close = leaders.length > 1 && leaders[1].score >= top * SCORING.closeRatio;
  const weak = hypotheses.length > 0 && hypotheses[0].confidenceLabel === 'low';
  const question =
    close || weak
      ? bestQuestion(
          compiled,
          leaders.map((l) => ({ id: l.cause.entry.id, score: l.score })),
          { ...statedAnswers(compiled, allEvidence), ...c.answers },
          SCORING.temperature,
        )
      : null;

  return {
    hypotheses,
    codes: decodedCodes(allEvidence),
    question,
    unknown: hypotheses.length === 0,
    whatWouldHelp: whatWouldHelp(compiled, leaders.map((l) => l.cause), allEvidence),
    errors: [...(c.errors ?? [])],
    lookalikes: lookalikes.slice(0, SCORING.maxLookalikes).map((l) => l.match),
  };
}

/**
 * The look-alikes the case evidences as firmly as a cause must be evidenced to be offered, strongest first. One the
 * user said is not it stays out, like a ruled-out cause, until strong new evidence for it brings it back.
 */
function scoreLookalikes(
  compiled: CompiledKnowledgeBase,
  found: (Found | null)[],
  standing: (l: CompiledLookalike) => 'in-play' | 'out' | 'brought-back',
): ScoredLookalike[] {
  const out: ScoredLookalike[] = [];
  for (const l of compiled.lookalikes) {
    const state = standing(l);
    if (state === 'out') continue;
    const { evidence, contextual, score } = collectEvidence(l.signatures, found);
    const substantive = substantiveWeight(evidence, contextual);
    if (score < SCORING.minScore || substantive < SCORING.minSubstantive) continue;
    const e = l.entry;
    out.push({
      substantive,
      match: {
        id: e.id,
        title: e.title,
        summary: e.summary,
        evidence: evidence.sort((a, b) => b.weight - a.weight),
        explanation: e.why,
        steps: e.steps,
        references: e.references,
        ...(state === 'brought-back' ? { reconsidered: true as const } : {}),
      },
    });
  }
  return out.sort((a, b) => b.substantive - a.substantive || a.match.id.localeCompare(b.match.id));
}

/** What the case satisfies of these signatures, cited; contextual: circumstances and hedged statements. */
function collectEvidence(signatures: CompiledSignature[], found: (Found | null)[]): { evidence: CitedEvidence[]; contextual: Set<CitedEvidence>; score: number } {
  const evidence: CitedEvidence[] = [];
  const contextual = new Set<CitedEvidence>();
  let score = 0;
  for (const sig of signatures) {
    const where = found[sig.slot];
    if (!where) continue;
    const cited = cite(sig, where);
    evidence.push(cited);
    if (sig.context || where.tentative) contextual.add(cited);
    score += sig.weight;
  }
  return { evidence, contextual, score };
}

/**
 * A cause is offered only when evidence about the failure itself adds up to SCORING.minSubstantive: circumstances
 * (signatures marked `context: true`, like "there is a proxy in front"), the user's own guesses and wording
 * similarity never produce an answer by themselves. Evidence against the cause counts too: a code that points at it
 * and a statement that it was checked and is fine leave nothing to answer on.
 */
function isSubstantiated(evidence: CitedEvidence[], contextual: Set<CitedEvidence>): boolean {
  return substantiveWeight(evidence, contextual) >= SCORING.minSubstantive;
}

/** Net weight of the evidence about the failure itself: no circumstances, hedges or wording similarity. */
function substantiveWeight(evidence: CitedEvidence[], contextual: Set<CitedEvidence>): number {
  let substantive = 0;
  for (const e of evidence) if (e.source.file !== MESSAGE_SOURCE_SIMILARITY && !contextual.has(e)) substantive += e.weight;
  return substantive;
}

/**
 * A ruled-out cause comes back only for strong evidence the case did not have when the user ruled it out: signatures
 * satisfied now that were not satisfied then (a code typed again or a trace sent twice is nothing new).
 * Circumstances and wording similarity do not count.
 */
function broughtBack(cause: Pick<CompiledCause, 'signatures'>, now: (Found | null)[], then: (Found | null)[]): boolean {
  let weight = 0;
  for (const sig of cause.signatures) {
    const found = now[sig.slot];
    if (sig.weight > 0 && !sig.context && found && !found.tentative && !then[sig.slot]) weight += sig.weight;
  }
  return weight >= SCORING.reconsiderWeight;
}

/**
 * What the case has besides its messages, matched afresh each time: uploaded evidence and documents, answers, and the
 * facts only the whole case shows (`all`: every message's and upload's evidence).
 */
/** Answers the user gave in passing (a fact a question names as `stated_as`), so the question is not asked. */
function statedAnswers(compiled: CompiledKnowledgeBase, evidence: Evidence[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, spec] of compiled.kb.questions) {
    const key = spec.stated_as?.toLowerCase();
    const stated = key ? evidence.find((e) => e.key.toLowerCase() === key) : undefined;
    if (stated) out[id] = stated.value;
  }
  return out;
}

function uploadsView(c: Case, all: Evidence[]): CaseView {
  const documents: { text: string; source: EvidenceSource }[] = [];
  for (const e of c.evidence) if (e.key === KEY_TEXT_DOCUMENT) documents.push({ text: e.value, source: e.source });
  const legs = handshakeLegs(c.evidence);
  const uploaded = legs.size ? c.evidence.filter((e) => !legs.has(e.source.file)) : c.evidence;
  const derived = derivedFacts(legs.size ? all.filter((e) => !legs.has(e.source.file)) : all);
  return makeCaseView(derived.length ? [...uploaded, ...derived] : uploaded, documents, c.answers);
}

/**
 * Traces of the first leg of a Windows-authentication handshake (401.2, no Authorization header: the browser's
 * anonymous first try, which a "200-999" tracing rule records for every page), when another trace shows a real
 * failure: that one is the case's, and the challenges beside it are noise.
 */
function handshakeLegs(evidence: Evidence[]): Set<string> {
  const status = new Map<string, string>();
  const unauthenticated = new Set<string>();
  for (const e of evidence) {
    if (e.kind !== 'trace') continue;
    if (e.key === 'freb.status') status.set(e.source.file, e.value);
    else if (e.key === 'freb.request.authorization' && e.value === 'none') unauthenticated.add(e.source.file);
  }
  const legs = new Set([...status].filter(([file, st]) => st === '401.2' && unauthenticated.has(file)).map(([file]) => file));
  const otherFailure = [...status].some(([file, st]) => !legs.has(file) && /^[45]/.test(st) && st !== '401.2');
  return otherFailure ? legs : new Set();
}

function toHypotheses(leaders: Scored[]): Hypothesis[] {
  if (leaders.length === 0) return [];
  const rel = beliefs(
    leaders.map((l) => l.score),
    SCORING.temperature,
  );
  return leaders.map((l, i) => {
    const absolute = 1 - Math.exp(-l.score / 8);
    const confidence = round(absolute * (0.5 + 0.5 * rel[i]));
    const e = l.cause.entry;
    return {
      id: e.id,
      title: e.title,
      confidence,
      confidenceLabel: confidence >= 0.55 ? 'high' : confidence >= 0.3 ? 'medium' : 'low',
      evidence: [...l.evidence].sort((a, b) => b.weight - a.weight),
      explanation: e.why,
      steps: e.steps,
      verify: e.verify,
      references: e.references,
      ...(l.reconsidered ? { reconsidered: true as const } : {}),
    };
  });
}

function decodedCodes(evidence: Evidence[]): DecodedCode[] {
  const seen = new Set<string>();
  const out: DecodedCode[] = [];
  for (const e of evidence) {
    if (e.kind !== 'code' || seen.has(e.value)) continue;
    seen.add(e.value);
    const d = decodeCode(e.value);
    if (d) out.push({ ...d, input: e.value });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
