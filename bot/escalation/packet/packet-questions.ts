// The packet's questions: every question the bot put to the user in this case, in the order asked, each with its
// answer or "not answered". An unanswered question is information too: engineers know what was already asked and
// that the user could not (or did not) say, so they neither repeat it nor assume an answer.
import type { Case, KnowledgeBase } from '../../../knowledge/index.js';
import type { PacketQuestion } from '../types.js';

export const NOT_ANSWERED = 'not answered';

export function packetQuestions(kb: KnowledgeBase, c: Case): PacketQuestion[] {
  const asked = c.asked ?? [];
  const askedIds = new Set(asked.map((q) => q.id));
  // Answers to questions not on the asked list (cases stored before it existed, or a button of an older card) are
  // kept after the asked ones: nothing the user told the bot is dropped.
  const ids = [...asked.map((q) => q.id), ...Object.keys(c.answers).filter((id) => !askedIds.has(id))];
  return ids.map((id) => {
    const known = kb.questions.get(id);
    const question = asked.find((q) => q.id === id)?.text ?? known?.text ?? id;
    const value = Object.hasOwn(c.answers, id) ? c.answers[id] : undefined;
    if (value === undefined) return { id, question, answer: NOT_ANSWERED, answered: false };
    return { id, question, answer: known?.answers.find((a) => a.value === value)?.label ?? value, value, answered: true };
  });
}
