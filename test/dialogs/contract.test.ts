import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import type { BotFactory } from '../../bot/bot-contract.js';
import { createSupportBot, type DialogServices } from '../../dialogs/index.js';
import { allText, createHarness, fixtureCollector, shownCauseId } from './helpers/harness.js';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { loadOrTrainIntentClassifier } from '../../runtime/intent-model.js';

describe('Support bot contract', () => {
  it("fits the root's BotFactory once the classifier is added to the services", () => {
    const classifier = loadOrTrainIntentClassifier();
    // The wiring the composition root uses (bot/default-bot.ts).
    const factory: BotFactory = (deps) =>
      createSupportBot({ ...deps, services: { ...deps.services, classify: (t) => classifier.classify(t) } });
    assert.equal(typeof factory, 'function');
  });

  it('after a failed turn drops the dialog stack but keeps the case', async () => {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const classifier = loadOrTrainIntentClassifier();
    const services: DialogServices = {
      kb: bundledKnowledgeBase(),
      attachments: fixtureCollector,
      ingestOptions: {},
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined },
      classify: (t) => classifier.classify(t),
    };
    const bot = createSupportBot({ conversationState, userState: new UserState(storage), services });
    const adapter = new TestAdapter(async (context) => {
      if (context.activity.text === 'boom') {
        await bot.resetAfterError(context);
        await conversationState.saveChanges(context);
        return;
      }
      await bot.run(context);
    });
    await adapter.receiveActivity({
      type: 'message',
      text: 'our mbam portal shows only text, every file but index.html returns 500',
    });
    adapter.activeQueue.splice(0);
    await adapter.receiveActivity({ type: 'message', text: 'boom' });
    const stored = (await storage.read(['test/conversations/Convo1/']))[
      'test/conversations/Convo1/'
    ] as Record<string, unknown>;
    assert.equal(stored.dialogState, undefined);
    assert.equal((stored.case as { texts: string[] }).texts.length, 1);
  });

  it('sends the same content as Markdown on channels without Adaptive Cards', async () => {
    const bot = createHarness();
    const replies = await bot.say({ channelId: 'sms', text: 'HTTP Error 500.24 - Internal Server Error' });
    assert.equal(shownCauseId(replies), undefined, 'no card');
    const text = allText(replies);
    assert.match(text, /\*\*Fix, step by step\*\*/);
    assert.match(text, /\n1\. /);
    assert.match(text, /"That fixed it", "Not it, next cause"/);
    assert.equal(replies[0].textFormat, 'markdown');
  });
});
