// Reads a typed reply as one of a question's suggested answers: by number, label or value.
import type { Question } from '../knowledge/index.js';

export function pickNumber(text: string, count: number): number | undefined {
  const n = Number(text.trim().replace(/[.)]$/, ''));
  return Number.isInteger(n) && n >= 1 && n <= count ? n : undefined;
}

export function pickAnswer(question: Question, text: string): string | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (!t) return undefined;
  const n = pickNumber(t, question.answers.length);
  if (n !== undefined) return question.answers[n - 1].value;
  return question.answers.find((a) => a.label.toLowerCase() === t || a.value.toLowerCase() === t)?.value;
}
