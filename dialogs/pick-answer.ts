// Reads a typed reply as one of a question's suggested answers: by number, label or value, and as people type them
// ("no, the password is fine", "no idea", "kernel mode is off", "it's stopped").
import type { Question } from '../knowledge/index.js';

export function pickNumber(text: string, count: number): number | undefined {
  const n = Number(text.trim().replace(/[.)]$/, ''));
  return Number.isInteger(n) && n >= 1 && n <= count ? n : undefined;
}

const UNSURE = /^(?:no idea|not sure|unsure|dunno|don'?t know|do not know|idk|no clue|not a clue|can'?t tell|cannot tell|no way to tell|haven'?t (?:checked|tested|tried)|have not (?:checked|tested|tried)|not (?:checked|tested|tried))\b/;
const YES = /^(?:yes|yeah|yep|yup|y|correct|affirmative|indeed|it does|it did|they do|they did|we do|we did)\b(?!\s+not\b)/;
const NO = /^(?:no|nope|nah|n|not really|negative|it doesn'?t|it does not|it didn'?t|it did not|they don'?t|they do not|we don'?t|we do not|we did not|we didn'?t)\b/;
/** A reply that negates or excepts something: its words cannot be matched to a label word by word. */
const NEGATES = /\b(?:not|no|never|except|without|neither|nor)\b|n['’]t\b/;
const STOPWORDS = new Set(
  'a an the is are was were be been it its it\'s i we they you our my of to in at for and or with by as that this there so just yes no not think guess maybe probably'.split(' '),
);
/** Longer replies carry more than an answer: they are read as case detail unless a yes/no or number leads them. */
const MAX_MATCH_WORDS = 12;

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOPWORDS.has(w));
}

/** An answer whose value or label means the thing in `re` ("unknown", "Not sure"). */
function answerLike(question: Question, values: RegExp, labels: RegExp): string | undefined {
  return (question.answers.find((a) => values.test(a.value.toLowerCase())) ?? question.answers.find((a) => labels.test(a.label.toLowerCase())))?.value;
}

export function pickAnswer(question: Question, text: string): string | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (!t) return undefined;
  const n = pickNumber(t, question.answers.length);
  if (n !== undefined) return question.answers[n - 1].value;
  const exact = question.answers.find((a) => a.label.toLowerCase() === t || a.value.toLowerCase() === t);
  if (exact) return exact.value;
  if (UNSURE.test(t)) return answerLike(question, /^(unknown|not-sure|not-checked|unsure)$/, /not sure|don'?t know|not (checked|tested)|unknown/);
  // No before yes: "it does not ..." starts like "it does".
  if (NO.test(t)) {
    const no = answerLike(question, /^no$/, /^no\b/);
    if (no) return no;
  }
  if (YES.test(t) && question.answers.filter((a) => /^yes\b/i.test(a.label)).length <= 1) {
    const yes = answerLike(question, /^yes$/, /^yes\b/);
    if (yes) return yes;
  }
  return NEGATES.test(t) ? undefined : byWords(question, t);
}

/**
 * The one answer whose label shares the most words with a short reply ("kernel mode is off" -> "Kernel mode off"),
 * when it shares at least half of the reply's words and no other answer shares as many.
 */
function byWords(question: Question, t: string): string | undefined {
  const said = words(t);
  if (said.length === 0 || said.length > MAX_MATCH_WORDS) return undefined;
  const scored = question.answers
    .map((a) => {
      const label = new Set(words(a.label));
      return { value: a.value, shared: said.filter((w) => label.has(w)).length, missing: [...label].filter((w) => !said.includes(w)).length };
    })
    .sort((a, b) => b.shared - a.shared || a.missing - b.missing);
  const [best, next] = scored;
  if (!best || best.shared === 0 || best.shared * 2 < said.length) return undefined;
  if (next && next.shared === best.shared) return undefined;
  return best.value;
}

/** Whether a reply says more than an answer (its words then also go into the case): a suggested reply does not. */
export function saysMoreThanAnswer(question: Question, text: string): boolean {
  const labels = new Set(question.answers.flatMap((a) => words(a.label)));
  return words(text).filter((w) => !labels.has(w)).length > 3;
}
