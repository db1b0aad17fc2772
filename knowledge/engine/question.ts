// Chooses the one question whose answer best separates the leading hypotheses.
import type { QuestionSpec } from '../kb-loader/schema.js';
import type { Question } from '../types.js';
import type { CompiledKnowledgeBase } from './compile.js';

export interface ScoredCause {
  id: string;
  score: number;
}

/** Softmax over scores: the engine's belief in each leading cause. */
export function beliefs(scores: number[], temperature: number): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp((s - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function entropy(p: number[]): number {
  return -p.reduce((acc, x) => (x > 0 ? acc + x * Math.log2(x) : acc), 0);
}

/**
 * Expected information gain of each unanswered question over the leading causes, assuming each answer is
 * equally likely; returns the best one, or null when no question would change the ranking.
 */
export function bestQuestion(
  compiled: CompiledKnowledgeBase,
  leaders: ScoredCause[],
  answered: Record<string, string>,
  temperature: number,
): Question | null {
  if (leaders.length < 2) return null;
  const candidates = new Set<string>();
  for (const l of leaders) for (const q of compiled.byId.get(l.id)?.entry.questions ?? []) candidates.add(q);
  const prior = entropy(beliefs(leaders.map((l) => l.score), temperature));
  let best: { spec: QuestionSpec; gain: number; names: string[] } | null = null;
  for (const qid of [...candidates].sort()) {
    if (answered[qid] !== undefined) continue;
    const spec = compiled.kb.questions.get(qid);
    if (!spec) continue;
    let expected = 0;
    const touched = new Set<string>();
    for (const answer of spec.answers) {
      const shifted = leaders.map((l) => {
        let delta = 0;
        for (const s of compiled.byId.get(l.id)?.signatures ?? []) {
          const m = s.matcher;
          if (m.type === 'answer' && m.question === qid && m.equals === answer.value.toLowerCase()) {
            delta += s.weight;
            touched.add(l.id);
          }
        }
        return l.score + delta;
      });
      expected += entropy(beliefs(shifted, temperature)) / spec.answers.length;
    }
    const gain = prior - expected;
    if (touched.size > 0 && gain > 0.01 && (!best || gain > best.gain + 1e-9)) {
      best = { spec, gain, names: [...touched] };
    }
  }
  if (!best) return null;
  const titles = best.names.map((id) => compiled.byId.get(id)?.entry.title ?? id);
  return {
    id: best.spec.id,
    text: best.spec.text,
    answers: best.spec.answers.map((a) => ({ label: a.label, value: a.value })),
    why: `${best.spec.why} (it tells apart: ${titles.join('; ')})`,
  };
}
