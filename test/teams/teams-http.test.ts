// The bot as Teams reaches it: real activity shapes (see helpers/teams-activities.ts) posted to the real server on
// port 0 with deliveryMode "expectReplies", SharePoint downloads nocked. Install welcomes, @mentions in channels and
// group chats, files in a 1:1 chat and the advice where Teams drops them, card buttons in every scope.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import type { Activity } from 'botbuilder';
import { postActivity, startTestServer, tempDataDir } from '../bot/helpers/test-server.js';
import {
  BOT,
  cardSubmit,
  expectReplies,
  fileDownloadInfo,
  installUpdate,
  messageBack,
  teamsConversation,
  teamsMessage,
  userJoinsTeam,
  type Scope,
} from './helpers/teams-activities.js';

const FREB = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ingest', 'freb', 'mbam-static-500-0x80070542.xml'));
const MBAM_CAUSE = 'seimpersonate-privilege-removed';
const TRACE_TEXT = 'Static files return 500.0 with 0x80070542 since we set impersonate=true';
const DOUBLE_HOP = "our intranet app impersonates the user and calls sql server on another machine: Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'";
const SHAREPOINT = 'https://contoso-my.sharepoint.com';
const DOWNLOAD_PATH = '/personal/meganb_contoso_com/_layouts/15/download.aspx';
const SHARED_SCOPES: Scope[] = ['channel', 'groupChat'];

type Json = Record<string, unknown>;

function texts(activities: Partial<Activity>[]): string {
  return activities.map((a) => a.text ?? '').join('\n');
}

/** The cause ids the replies' cards carry in their button data, in order. */
function shownCauses(activities: Partial<Activity>[]): string[] {
  return [...JSON.stringify(activities).matchAll(/"causeId":"([a-z0-9-]+)"/g)].map((m) => m[1]);
}

/** Every Action.Submit data object of the Adaptive Cards among the replies. */
function submitData(activities: Partial<Activity>[]): Json[] {
  const out: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Json;
      if (o.type === 'Action.Submit') out.push(o.data as Json);
      Object.values(o).forEach(walk);
    }
  };
  for (const a of activities)
    for (const att of a.attachments ?? []) if (att.contentType === 'application/vnd.microsoft.card.adaptive') walk(att.content);
  return out;
}

describe('Teams: the bot with the activities Teams sends', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let dataDir: string;

  before(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
    dataDir = tempDataDir();
    server = await startTestServer({ DATA_DIR: dataDir });
  });
  afterEach(() => nock.cleanAll());
  after(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    nock.enableNetConnect();
  });

  async function send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const { status, activities } = await postActivity(server.url, expectReplies(activity));
    assert.equal(status, 200);
    return activities;
  }

  /** Addresses the bot the way each scope requires: an @mention in channels and group chats. */
  function say(scope: Scope, key: string, text: string): Promise<Partial<Activity>[]> {
    return send(teamsMessage(teamsConversation(scope, key), text, { mention: scope !== 'personal' }));
  }

  describe('install', () => {
    it('welcomes the user in full when installed in a personal chat', async () => {
      const replies = await send(installUpdate('personal', 'install'));
      assert.equal(replies.length, 1);
      assert.match(texts(replies), /impersonation, delegation and Windows-authentication/);
      assert.match(texts(replies), /attach files/);
    });

    it('greets a team once in its channel, briefly: how to @mention the bot and that files need a 1:1 chat', async () => {
      const replies = await send(installUpdate('team', 'install'));
      const welcomes = replies.filter((r) => /impersonation, delegation/.test(r.text ?? ''));
      assert.equal(welcomes.length, 1);
      const welcome = welcomes[0].text ?? '';
      assert.match(welcome, new RegExp(`mention @${BOT.name}`));
      assert.match(welcome, /1:1 chat/);
      assert.match(welcome, /paste/);
      assert.ok(welcome.length < 600, 'a short note: the whole team reads it');
      // The escalation layer adds its own one-line hint for admins; the welcome is not repeated.
      assert.match(texts(replies), /engineers here/);
    });

    it('greets a group chat with the same short note when added to it', async () => {
      const replies = await send(installUpdate('groupChat', 'install'));
      assert.equal(replies.length, 1);
      assert.match(texts(replies), /Teams does not pass files to bots in channels or group chats/);
    });

    it('posts nothing in the channel when a person joins a team the bot is in', async () => {
      assert.deepEqual(await send(userJoinsTeam()), []);
    });
  });

  describe('@mentions', () => {
    it('answers "<at>IIS Bot</at> what is constrained delegation?" in a channel with the concept, not an unknown', async () => {
      const replies = await say('channel', 'concept', 'what is constrained delegation?');
      const json = JSON.stringify(replies);
      assert.match(json, /knowledge base: concept-constrained-delegation/);
      assert.deepEqual(shownCauses(replies), [], 'an explanation, not a diagnosis');
      assert.doesNotMatch(json, /outside what I know|Talk to an engineer/);
    });

    // Commands and button titles must match exactly, so a mention left in the text would turn them into problem text.
    it('reads "<at>IIS Bot</at> start over" in a group chat as the restart command', async () => {
      const reply = texts(await say('groupChat', 'restart', 'start over'));
      assert.match(reply, /Starting over with a new, empty case/);
      assert.match(reply, /mention @IIS Bot/, 'with the short welcome that fits a group chat');
    });

    it('strips every part of a mention Teams splits into one tag per word ("<at>IIS</at> <at>Bot</at>")', async () => {
      const conversation = teamsConversation('channel', 'per-word');
      const replies = await send(teamsMessage(conversation, 'start over', { mention: { perWord: true } }));
      assert.match(texts(replies), /Starting over with a new, empty case/);
    });

    it('strips the mention when Teams shows the bot under another display name', async () => {
      const conversation = teamsConversation('personal', 'renamed');
      const mention = { shownName: 'IIS Identity Support' };
      assert.equal(shownCauses(await send(teamsMessage(conversation, TRACE_TEXT, { mention })))[0], MBAM_CAUSE);
      const replies = await send(teamsMessage(conversation, 'Not it, next cause', { mention }));
      assert.match(texts(replies), /ruling out "/);
    });

    it('diagnoses a problem typed after the mention in a channel thread', async () => {
      assert.equal(shownCauses(await say('channel', 'problem', TRACE_TEXT))[0], MBAM_CAUSE);
    });
  });

  describe('files', () => {
    it('diagnoses the MBAM cause from a FREB trace uploaded in a 1:1 chat (downloadUrl on SharePoint)', async () => {
      const download = nock(SHAREPOINT)
        .get(DOWNLOAD_PATH)
        .query(true)
        .reply(200, FREB, { 'content-type': 'application/octet-stream', 'content-length': String(FREB.length) });
      const file = fileDownloadInfo('fr000041.xml', `${SHAREPOINT}${DOWNLOAD_PATH}?UniqueId=5d2f8b19-4c7e-4a03-9e61-b8f0d3a2c574&Translate=false&tempauth=eyJ0eXAiOiJKV1Qi&ApiVersion=2.0`);
      const replies = await send(teamsMessage(teamsConversation('personal', 'upload'), '', { files: [file] }));
      assert.ok(download.isDone(), 'the file was fetched from its downloadUrl');
      assert.equal(shownCauses(replies)[0], MBAM_CAUSE);
      assert.doesNotMatch(texts(replies), /could not use every file/);
    });

    it('does not read the text/html copy Teams adds to a message as a file', async () => {
      // teamsMessage() always adds the copy; nothing may be downloaded (net connect is off) or reported as a file.
      const replies = await say('personal', 'html-copy', TRACE_TEXT);
      assert.equal(shownCauses(replies)[0], MBAM_CAUSE);
      assert.doesNotMatch(texts(replies), /could not use every file|could not be/);
    });

    for (const scope of SHARED_SCOPES) {
      it(`explains in a ${scope} that logs go through a 1:1 chat or pasted text, when the user offers one`, async () => {
        const reply = texts(await say(scope, 'offer', 'can I send you the trace file?'));
        assert.match(reply, /open a 1:1 chat with me/);
        assert.match(reply, /paste the relevant text/);
      });
    }

    it('says the same when a channel message arrives with only the mention (Teams dropped the attached file)', async () => {
      const reply = texts(await say('channel', 'dropped', ''));
      assert.match(reply, /If you attached a file/);
      assert.match(reply, /1:1 chat/);
    });

    it('adds how to share logs to the help asked for in a group chat', async () => {
      const reply = texts(await say('groupChat', 'how-to-send', 'how do I send you my logs?'));
      assert.match(reply, /What I can do/);
      assert.match(reply, /open a 1:1 chat with me/);
    });
  });

  describe('card buttons', () => {
    for (const scope of ['personal', 'channel', 'groupChat'] as Scope[]) {
      it(`takes the cause card's Action.Submit "Not it" (a value without text) in ${scope} scope`, async () => {
        const conversation = teamsConversation(scope, 'submit');
        const first = await send(teamsMessage(conversation, TRACE_TEXT, { mention: scope !== 'personal' }));
        const notIt = submitData(first).find((d) => d.action === 'not_it');
        assert.ok(notIt, 'the cause card has a "Not it" button');
        assert.equal(notIt.causeId, MBAM_CAUSE);
        const replies = await send(cardSubmit(conversation, notIt, first[0].id));
        assert.match(texts(replies), /ruling out "/);
        assert.ok(!shownCauses(replies).slice(0, 1).includes(MBAM_CAUSE), 'the next card is another cause');
      });
    }

    it('answers a question card in a group chat by its Action.Submit', async () => {
      const conversation = teamsConversation('groupChat', 'question');
      const asked = await send(teamsMessage(conversation, DOUBLE_HOP, { mention: true }));
      const answers = submitData(asked).filter((d) => d.action === 'answer');
      assert.ok(answers.length > 1, 'the question came as a card with one button per answer');
      const replies = await send(cardSubmit(conversation, answers[0]));
      assert.ok(replies.length > 0);
      const askedAgain = submitData(replies).some((d) => d.action === 'answer' && d.questionId === answers[0].questionId);
      assert.equal(askedAgain, false, 'the answered question is not asked again');
    });

    it('takes a messageBack (text plus the button data as value) in a channel', async () => {
      const conversation = teamsConversation('channel', 'message-back');
      const first = await send(teamsMessage(conversation, TRACE_TEXT, { mention: true }));
      const fixed = submitData(first).find((d) => d.action === 'fixed');
      assert.ok(fixed);
      const replies = await send(messageBack(conversation, 'That fixed it', JSON.stringify(fixed)));
      assert.match(texts(replies), /glad ".+" fixed it/);
    });

    it('takes an imBack button title typed back in a personal chat', async () => {
      const conversation = teamsConversation('personal', 'im-back');
      assert.equal(shownCauses(await send(teamsMessage(conversation, TRACE_TEXT)))[0], MBAM_CAUSE);
      assert.match(texts(await send(teamsMessage(conversation, 'Not it, next cause'))), /ruling out "/);
    });
  });
});
