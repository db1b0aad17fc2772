import assert from 'node:assert/strict';
import { renderActivities } from '../../../bot/local-chat/index.js';

describe('local chat rendering', () => {
  it('renders an Adaptive Card as text with numbered actions and "Show more" content inline', () => {
    const { text, choices } = renderActivities([
      {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              type: 'AdaptiveCard',
              body: [
                { type: 'TextBlock', text: 'SeImpersonatePrivilege removed', weight: 'Bolder' },
                { type: 'FactSet', facts: [{ title: 'Confidence', value: 'high' }] },
                { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'in a column' }] }] },
              ],
              actions: [
                { type: 'Action.ShowCard', title: 'Show more', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'the long explanation' }] } },
                { type: 'Action.Submit', title: 'That fixed it', data: { action: 'feedback', helped: true } },
                { type: 'Action.Submit', title: 'Yes', data: { msteams: { type: 'imBack', value: 'yes' } } },
                { type: 'Action.OpenUrl', title: 'Docs', url: 'https://learn.microsoft.com/iis' },
              ],
            },
          },
        ],
      },
    ]);
    assert.match(text, /SEIMPERSONATEPRIVILEGE REMOVED/);
    assert.match(text, /Confidence: high/);
    assert.match(text, /in a column/);
    assert.match(text, /> Show more:\n {2}the long explanation/);
    assert.match(text, /\[1\] That fixed it/);
    assert.match(text, /Docs: https:\/\/learn\.microsoft\.com\/iis/);
    assert.deepEqual(choices, [
      { label: 'That fixed it', value: { action: 'feedback', helped: true } },
      { label: 'Yes', text: 'yes' },
    ]);
  });

  it('renders text, hero card buttons and suggested actions, numbering choices across replies', () => {
    const { text, choices } = renderActivities([
      { type: 'typing' },
      { type: 'message', text: 'Which identity runs the app pool?', suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'ApplicationPoolIdentity', value: 'apppool' }] } },
      { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Next', buttons: [{ type: 'imBack', title: 'Start over', value: 'start over' }] } }] },
    ]);
    assert.match(text, /Which identity runs the app pool\?\n\[1\] ApplicationPoolIdentity/);
    assert.match(text, /Next\n\[2\] Start over/);
    assert.deepEqual(choices.map((c) => c.text), ['apppool', 'start over']);
  });
});
