// The engine's next question: the question, why it is asked, and one button per suggested answer.
import type { Question } from '../../knowledge/types.js';
import { card, note, plain } from './blocks.js';
import { submitAction } from './card-actions.js';
import type { CardElement, Reply } from './card-types.js';
import { truncate } from './rich-text.js';

const MAX_ACTIONS = 5;

export function questionReply(q: Question): Reply {
  const body: CardElement[] = [plain(q.text)];
  if (q.why) body.push(note(`Why I ask: ${truncate(q.why, 500)}`));
  // Hosts show at most 5 actions per set: the answers go in sets of up to 5 in the body.
  const buttons = q.answers.map((a) =>
    submitAction(a.label, { action: 'answer', questionId: q.id, value: a.value }),
  );
  for (let i = 0; i < buttons.length; i += MAX_ACTIONS)
    body.push({ type: 'ActionSet', actions: buttons.slice(i, i + MAX_ACTIONS) });
  const lines = [q.text];
  if (q.answers.length)
    lines.push(
      '',
      ...q.answers.map((a, i) => `${i + 1}. ${a.label}`),
      '',
      'Reply with the number or the answer.',
    );
  if (q.why) lines.push('', `_Why I ask: ${q.why}_`);
  return { card: card(body, [], q.text), markdown: lines.join('\n') };
}
