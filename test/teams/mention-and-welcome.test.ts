// The two Teams readings that need no server: the message text without the bot's @mention, and which welcome (if
// any) a conversationUpdate calls for in each scope and channel.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { textWithoutBotMention } from '../../dialogs/teams-mention.js';
import { welcomeOnMembersAdded } from '../../dialogs/support-bot.js';
import { WELCOME } from '../../dialogs/messages.js';
import { BOT, installUpdate, teamsConversation, teamsMessage, userJoinsTeam, USER } from './helpers/teams-activities.js';

describe('Teams: the bot\'s @mention', () => {
  const channel = teamsConversation('channel', 'unit');

  it('removes the mention Teams puts before the words', () => {
    assert.equal(textWithoutBotMention(teamsMessage(channel, 'what is constrained delegation?', { mention: true })), 'what is constrained delegation?');
  });

  it('removes every tag of a mention split per word, not only the first as removeRecipientMention does', () => {
    const activity = teamsMessage(channel, 'start over', { mention: { perWord: true } });
    assert.equal(activity.text, '<at>IIS</at> <at>Bot</at> start over', 'precondition: the split shape');
    assert.equal(textWithoutBotMention(activity), 'start over');
  });

  it('removes a tag with the bot\'s name even when the entity\'s text differs from it', () => {
    const activity = { ...teamsMessage(channel, 'hi', { mention: true }), text: '<at>iis  bot</at> hi' };
    assert.equal(textWithoutBotMention(activity), 'hi');
  });

  it('keeps other people\'s mentions as their names', () => {
    const activity = teamsMessage(channel, 'same 401 as <at>Alex Wilber</at> since Monday', { mention: true });
    assert.equal(textWithoutBotMention(activity), 'same 401 as Alex Wilber since Monday');
  });

  it('keeps the lines of a pasted error page', () => {
    const pasted = 'HTTP Error 401.2 - Unauthorized\nYou are not authorized to view this page\n  Module: IIS Web Core';
    assert.equal(textWithoutBotMention(teamsMessage(channel, pasted, { mention: true })), pasted);
  });

  it('leaves the text of other channels as typed and does not change the activity', () => {
    const webChat: Partial<Activity> = { channelId: 'webchat', text: ' <at>x</at> 0x80070542 ', recipient: { id: 'bot', name: 'bot' } };
    assert.equal(textWithoutBotMention(webChat), '<at>x</at> 0x80070542');
    const teams = teamsMessage(channel, 'hello', { mention: true });
    textWithoutBotMention(teams);
    assert.equal(teams.text, `<at>${BOT.name}</at> hello`);
  });
});

describe('Teams: welcome on conversationUpdate', () => {
  it('gives the full welcome on a personal install', () => {
    assert.equal(welcomeOnMembersAdded(installUpdate('personal', 'unit')), WELCOME);
  });

  it('gives one short note on a team or group-chat install, and nothing when people join later', () => {
    for (const target of ['team', 'groupChat'] as const) {
      const note = welcomeOnMembersAdded(installUpdate(target, 'unit'));
      assert.match(note ?? '', /mention @IIS Bot/, target);
      assert.match(note ?? '', /open a 1:1 chat with me/, target);
    }
    assert.equal(welcomeOnMembersAdded(userJoinsTeam()), undefined);
  });

  it('welcomes a person joining elsewhere once, and not the bot\'s own arrival (Web Chat, Direct Line)', () => {
    const base: Partial<Activity> = { type: 'conversationUpdate', channelId: 'directline', recipient: { id: 'bot', name: 'bot' }, conversation: { id: 'c1', isGroup: false, conversationType: '', name: '' } };
    assert.equal(welcomeOnMembersAdded({ ...base, membersAdded: [{ id: 'bot', name: 'bot' }, { id: 'u1', name: 'User' }] }), WELCOME);
    assert.equal(welcomeOnMembersAdded({ ...base, membersAdded: [{ id: 'bot', name: 'bot' }] }), undefined);
    assert.equal(welcomeOnMembersAdded({ ...installUpdate('personal', 'unit'), membersAdded: [USER] }), WELCOME);
  });
});
