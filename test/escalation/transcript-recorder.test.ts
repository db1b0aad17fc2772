import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanText } from '../../bot/escalation/packet/index.js';
import { causeReply } from '../../bot/cards/index.js';
import { transcriptEntry } from '../../bot/escalation/transcript-recorder.js';
import type { Hypothesis } from '../../knowledge/types.js';

/** The card walk as first written (Object.entries over every value), kept as the reference for the faster one. */
function referenceCardText(content: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') texts.push(o.text);
      if (o.type === 'TextRun' && typeof o.text === 'string') texts.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== 'actions') walk(v);
    }
  };
  walk(content);
  return texts.join(' ');
}

const at = new Date('2026-01-01T00:00:00Z');
const cardActivity = (content: unknown) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }],
});

describe('escalation/transcript-recorder', () => {
  it('records a card without a headline by its text blocks and runs, in order, leaving out the actions', () => {
    const card = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: 'Most likely cause' },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'run one' }, { type: 'TextRun', text: 'run two' }] },
        { type: 'Container', items: [[{ type: 'TextBlock', text: 'nested' }]], actions: [{ type: 'TextBlock', text: 'hidden' }] },
      ],
      actions: [{ type: 'Action.Submit', title: 'That fixed it', card: { type: 'TextBlock', text: 'not recorded' } }],
    };
    assert.equal(transcriptEntry(cardActivity(card), 'bot', at)?.text, '[card] Most likely cause run one run two nested');
  });

  it('reads any card JSON the way the first walk did', () => {
    const textNode = fc.record({ type: fc.constantFrom('TextBlock', 'TextRun', 'Container'), text: fc.string({ minLength: 1, maxLength: 8 }) });
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, textNode, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('body', 'items', 'actions', 'inlines', 'x'), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (content) => {
        assert.equal(transcriptEntry(cardActivity(content), 'bot', at)?.text, cleanText(`[card] ${referenceCardText(content)}`, 2000));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a long card the same entry as the full walk, though it stops reading once it has enough', () => {
    const run = (i: number) => ({ type: 'TextRun', text: `step ${i}: run appcmd set config with password=Secret${i}! then verify` });
    const card = { type: 'AdaptiveCard', body: Array.from({ length: 400 }, (_, i) => ({ type: 'RichTextBlock', inlines: [run(i)] })) };
    const entry = transcriptEntry(cardActivity(card), 'bot', at)?.text ?? '';
    assert.equal(entry, cleanText(`[card] ${referenceCardText(card)}`, 2000));
    assert.equal(entry.length, 2000);
    assert.doesNotMatch(entry, /Secret\d/);
  });

  it('records a cause card by its headline: rank, cause and confidence (redacted like any entry)', () => {
    const hypothesis: Hypothesis = {
      id: 'seimpersonate-privilege-removed',
      title: 'IIS_IUSRS lacks SeImpersonatePrivilege',
      confidence: 0.93,
      confidenceLabel: 'high',
      evidence: [{ citation: 'your message 1: password=Hunter2x and 0x80070542', meaning: 'the code', weight: 9, source: { file: 'message', line: 1 }, excerpt: 'password=Hunter2x and 0x80070542' }],
      explanation: 'Why '.repeat(500),
      steps: ['Step one '.repeat(100)],
      verify: 'Run whoami /priv',
      references: [],
    };
    const { card } = causeReply({ hypothesis, rank: 1, total: 2 });
    const entry = transcriptEntry(cardActivity(card), 'bot', at)?.text;
    assert.equal(entry, '[card] Most likely cause (1 of 2): IIS_IUSRS lacks SeImpersonatePrivilege. High confidence: the evidence points clearly at this cause (93%).');
    const secret = { ...card, fallbackText: 'Most likely cause: pwd=Hunter2x' };
    assert.equal(transcriptEntry(cardActivity(secret), 'bot', at)?.text, '[card] Most likely cause: pwd=[redacted]');
  });
});
