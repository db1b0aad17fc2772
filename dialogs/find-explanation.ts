// Finds what the knowledge base says about a question: a concept whose alias or title the question matches, else the
// error codes in it (decoded, with the causes the engine links to them), else a cause whose title it matches.
import { explainInput } from '../knowledge/codes/index.js';
import {
  addMessage,
  diagnose,
  emptyCase,
  type CauseEntry,
  type ConceptEntry,
  type KnowledgeBase,
} from '../knowledge/index.js';
import type { ExplanationView } from '../bot/cards/index.js';

const STOP = new Set(
  'a an and are as at be by can do does for from how i in is it me my of on or should the this to what when where which who why with you your'.split(
    ' ',
  ),
);
/** Share of a phrase's words that must appear in the question for a loose (not verbatim) match. */
const MIN_OVERLAP = 0.6;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

function normal(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** 1 when the phrase appears verbatim, else the share of its words found in the question. */
function phraseScore(question: string, qWords: Set<string>, phrase: string): number {
  if (normal(question).includes(normal(phrase))) return 1 + phrase.length / 1000;
  const p = words(phrase);
  if (p.length === 0) return 0;
  return p.filter((w) => qWords.has(w)).length / p.length;
}

function bestConcept(
  kb: KnowledgeBase,
  question: string,
): { entry: ConceptEntry; score: number } | undefined {
  const qWords = new Set(words(question));
  let best: { entry: ConceptEntry; score: number } | undefined;
  for (const entry of kb.concepts) {
    const score = Math.max(...[entry.title, ...entry.aliases].map((p) => phraseScore(question, qWords, p)));
    if (!best || score > best.score) best = { entry, score };
  }
  return best && best.score >= MIN_OVERLAP ? best : undefined;
}

function bestCause(kb: KnowledgeBase, question: string): CauseEntry | undefined {
  const qWords = new Set(words(question));
  let best: { entry: CauseEntry; score: number } | undefined;
  for (const entry of kb.causes) {
    const score = phraseScore(question, qWords, entry.title);
    if (!best || score > best.score) best = { entry, score };
  }
  return best && best.score >= MIN_OVERLAP ? best.entry : undefined;
}

function titleOf(kb: KnowledgeBase, id: string): string {
  return kb.concepts.find((c) => c.id === id)?.title ?? kb.causes.find((c) => c.id === id)?.title ?? id;
}

function conceptView(kb: KnowledgeBase, entry: ConceptEntry): ExplanationView {
  const rest = entry.body.slice(entry.body.indexOf(entry.short) + entry.short.length).trim();
  return {
    title: entry.title,
    summary: entry.short,
    details: rest || undefined,
    references: entry.references,
    related: entry.related.map((id) => titleOf(kb, id)),
    source: `knowledge base: ${entry.id}`,
  };
}

function causeView(kb: KnowledgeBase, entry: CauseEntry): ExplanationView {
  const steps = entry.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
  return {
    title: entry.title,
    summary: entry.summary,
    details: [`## Why it happens`, entry.why, `## Fix`, steps, `## Verify`, entry.verify].join('\n\n'),
    references: entry.references,
    related: entry.related.map((id) => titleOf(kb, id)),
    source: `knowledge base: ${entry.id}`,
  };
}

export function findExplanation(kb: KnowledgeBase, question: string): ExplanationView | undefined {
  const concept = bestConcept(kb, question);
  // A verbatim alias wins over a code in the same sentence ("what is FREB, I see 0x80070542").
  if (concept && concept.score >= 1) return conceptView(kb, concept.entry);
  const codes = explainInput(question);
  if (codes.length > 0) {
    const linked = diagnose(kb, addMessage(emptyCase(), question)).hypotheses.map((h) => h.title);
    const [first] = codes;
    return {
      title: codes.map((c) => `${c.canonical} ${c.name}`).join(', '),
      summary: first.message,
      facts: codes.flatMap((c) => [
        { title: c.canonical, value: `${c.name} (${c.family}): ${c.message}` },
        ...(c.details.length ? [{ title: 'Details', value: c.details.join('; ') }] : []),
        ...(c.equivalents.length ? [{ title: 'Same as', value: c.equivalents.join(', ') }] : []),
      ]),
      related: linked,
      source: 'error-code tables',
    };
  }
  if (concept) return conceptView(kb, concept.entry);
  const cause = bestCause(kb, question);
  return cause ? causeView(kb, cause) : undefined;
}
