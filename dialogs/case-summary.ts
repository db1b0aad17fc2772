// The case as the user can hand it on: answers with their questions' wording, ruled-out causes with titles.
import { diagnose, findEntry, type Case, type KnowledgeBase } from '../knowledge/index.js';
import { caseSummaryMarkdown } from '../bot/cards/index.js';

export function caseSummary(kb: KnowledgeBase, c: Case): string {
  const title = (id: string) => findEntry(kb, id)?.title ?? id;
  const answers = Object.entries(c.answers).map(([qid, value]) => {
    const q = kb.questions.get(qid);
    return { question: q?.text ?? qid, answer: q?.answers.find((a) => a.value === value)?.label ?? value };
  });
  return caseSummaryMarkdown({
    case: c,
    diagnosis: diagnose(kb, c),
    answers,
    ruledOut: c.ruledOut.map((id) => ({ id, title: title(id) })),
  });
}
