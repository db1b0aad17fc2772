import assert from 'node:assert/strict';
import { pickAnswer } from '../../bot/fallback-bot.js';
import { TurnTracker } from '../../bot/turn-tracker.js';

describe('fallback bot answers', () => {
  const question = { id: 'q.pool', text: 'Which identity?', why: '', answers: [{ label: 'ApplicationPoolIdentity', value: 'apppool' }, { label: 'A domain account', value: 'domain' }] };

  it('takes a suggested answer by number, label or value, and nothing else', () => {
    assert.equal(pickAnswer(question, '2'), 'domain');
    assert.equal(pickAnswer(question, 'applicationpoolidentity'), 'apppool');
    assert.equal(pickAnswer(question, 'domain'), 'domain');
    assert.equal(pickAnswer(question, 'it fails with 401.2'), undefined);
    assert.equal(pickAnswer(question, '3'), undefined);
  });
});

describe('turn tracker', () => {
  it('waits for in-flight work when draining and refuses new work afterwards', async () => {
    const tracker = new TurnTracker();
    let release: () => void = () => undefined;
    const work = tracker.track(() => new Promise<void>((resolve) => (release = resolve)));
    const drained = tracker.drain(10_000);
    assert.equal(tracker.isDraining, true);
    assert.equal(tracker.active, 1);
    release();
    await work;
    assert.equal(await drained, true);
  });

  it('gives up waiting after the timeout', async () => {
    const tracker = new TurnTracker();
    void tracker.track(() => new Promise<void>(() => undefined));
    assert.equal(await tracker.drain(10), false);
  });
});
