// The engine's next question: the question, why it is asked, and one button per suggested answer.
import type { Question } from '../../knowledge/types.js';
import { card, note, plain } from './blocks.js';
import { submitAction } from './card-actions.js';
import type { Reply } from './card-types.js';
import { truncate } from './rich-text.js';

export function questionReply(q: Question): Reply {
  const body = [plain(q.text)];
  if (q.why) body.push(note(`Why I ask: ${truncate(q.why, 500)}`));
  const actions = q.answers.slice(0, 6).map((a) => submitAction(a.label, { action: 'answer', questionId: q.id, value: a.value }));
  const lines = [q.text];
  if (q.answers.length) lines.push('', ...q.answers.map((a, i) => `${i + 1}. ${a.label}`), '', 'Reply with the number or the answer.');
  if (q.why) lines.push('', `_Why I ask: ${q.why}_`);
  return { card: card(body, actions, q.text), markdown: lines.join('\n') };
}
