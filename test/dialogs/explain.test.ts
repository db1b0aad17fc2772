import assert from 'node:assert/strict';
import { bundledKnowledgeBase } from '../../runtime/kb-files.js';
import { findExplanation } from '../../dialogs/index.js';
import { allText, cards, createHarness, shownCauseId } from './helpers/harness.js';

describe('Explain dialog', () => {
  it('answers a concept question from the knowledge base entry, the rest behind "Show more"', async () => {
    const bot = createHarness();
    const replies = await bot.say('what is an SPN');
    const card = cards(replies)[0];
    assert.ok(card);
    const json = JSON.stringify(card);
    assert.match(json, /knowledge base: concept-spn/);
    assert.match(json, /Action\.ToggleVisibility/);
    assert.equal(shownCauseId(replies), undefined, 'an explanation is not a diagnosis');
  });

  it('explains an error code with its decoded name and the causes the engine links to it', () => {
    const view = findExplanation(bundledKnowledgeBase(), 'what does 0x80070542 mean?');
    assert.ok(view);
    assert.match(view.title, /0x80070542/);
    assert.match(view.title, /ERROR_BAD_IMPERSONATION_LEVEL/);
    assert.ok(view.related?.some((t) => /SeImpersonatePrivilege/.test(t)));
  });

  it('matches a how-to question to its concept by alias', () => {
    const view = findExplanation(bundledKnowledgeBase(), 'how do I capture a FREB trace?');
    assert.equal(view?.source, 'knowledge base: concept-failed-request-tracing');
  });

  it('answers how to check the token, the user rights, SPNs and tickets with the commands, in a card that fits', async () => {
    for (const q of ['how do I check whether IIS_IUSRS has the impersonate privilege?', 'how do I export user rights assignment', 'which SPNs are registered, how do I check', 'what does klist show']) {
      assert.equal(findExplanation(bundledKnowledgeBase(), q)?.source, 'knowledge base: concept-identity-commands', q);
    }
    const replies = await createHarness().say('how do I check the user rights on the web server?');
    const json = JSON.stringify(cards(replies)[0]);
    assert.match(json, /secedit \/export \/areas USER_RIGHTS/);
    assert.ok(json.length < 28 * 1024, `${json.length} bytes`);
  });

  it('finds nothing for a question the knowledge base does not cover', () => {
    assert.equal(findExplanation(bundledKnowledgeBase(), 'what is the weather in paris'), undefined);
  });

  it('says what is out of scope instead of pretending to diagnose it', async () => {
    const bot = createHarness();
    const replies = await bot.say('what is the weather in paris');
    assert.match(allText(replies), /outside what I know/);
    assert.equal(cards(replies).length, 0);
  });
});
