// A bot under test: the real dialogs, knowledge base, engine and intent classifier over real ConversationState /
// UserState, driven turn by turn through botbuilder-testing's TestAdapter. Files come from test fixtures.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ConversationState,
  MemoryStorage,
  UserState,
  type Activity,
  type Attachment,
  type Storage,
} from 'botbuilder';
import { TestAdapter } from 'botbuilder';
import {
  createSupportBot,
  type DialogServices,
  type FeedbackOutcome,
  type FileCollector,
} from '../../../dialogs/index.js';
import {
  addMessage,
  diagnose,
  emptyCase,
  type Case,
  type Diagnosis,
  type FileError,
  type IngestInput,
} from '../../../knowledge/index.js';
import type { Classification } from '../../../knowledge/intents/index.js';
import { loadOrTrainIntentClassifier } from '../../../runtime/intent-model.js';
import { bundledKnowledgeBase } from '../../../runtime/kb-files.js';
import { cardProblems } from './adaptive-card-validator.js';

export const repoTest = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE_SCHEME = 'fixture:';

let classifier: ((text: string) => Classification) | undefined;
function classify(text: string): Classification {
  if (!classifier) {
    const loaded = loadOrTrainIntentClassifier();
    classifier = (t) => loaded.classify(t);
  }
  return classifier(text);
}

/** Reads `fixture:<path under test/>` attachments from disk; anything else is an error naming the file. */
export const fixtureCollector: FileCollector = {
  async collect(activity) {
    const files: IngestInput[] = [];
    const errors: FileError[] = [];
    for (const a of activity.attachments ?? []) {
      const name = a.name ?? 'attachment';
      if (a.contentUrl?.startsWith(FIXTURE_SCHEME)) {
        const data = await readFile(join(repoTest, a.contentUrl.slice(FIXTURE_SCHEME.length)));
        files.push({ name, data, size: data.length });
      } else if (a.contentUrl) {
        errors.push({ file: name, message: `${name}: the file could not be downloaded.` });
      }
    }
    return { files, errors };
  },
};

export function fixtureAttachment(path: string, name = path.split('/').pop() ?? path): Attachment {
  return { contentType: 'application/octet-stream', name, contentUrl: `${FIXTURE_SCHEME}${path}` };
}

export interface FeedbackRecord {
  causeId: string;
  outcome: FeedbackOutcome;
  conversationId: string;
}

export interface Harness {
  adapter: TestAdapter;
  /** The Case as stored in conversation state after the last turn. */
  storedCase(conversationId?: string): Promise<Case | undefined>;
  storage: Storage;
  feedback: FeedbackRecord[];
  escalated: Case[];
  /** Sends one activity (or text) and returns every reply of that turn. */
  say(activity: string | Partial<Activity>): Promise<Partial<Activity>[]>;
}

export interface HarnessOptions {
  storage?: Storage;
  services?: Partial<DialogServices>;
  /** Installs an escalation service that records the case and confirms with a ticket reference. */
  withEscalation?: boolean;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const storage = options.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const feedback: FeedbackRecord[] = [];
  const escalated: Case[] = [];
  const services: DialogServices = {
    kb: bundledKnowledgeBase(),
    attachments: fixtureCollector,
    ingestOptions: { maxFileBytes: 4 * 1024 * 1024 },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined },
    classify,
    recordFeedback: (causeId, outcome, conversationId) =>
      void feedback.push({ causeId, outcome, conversationId }),
    ...(options.withEscalation
      ? {
          escalate: async (context, c) => {
            escalated.push(structuredClone(c));
            await context.sendActivity(`ticket T-${escalated.length} created`);
          },
        }
      : {}),
    ...options.services,
  };
  const bot = createSupportBot({ conversationState, userState, services });
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  return {
    adapter,
    storage,
    async storedCase(conversationId = 'Convo1') {
      // ConversationState keys are "<channel>/conversations/<id>/<namespace>" (namespace empty here).
      const key = `test/conversations/${conversationId}/`;
      const items = await storage.read([key]);
      return (items[key] as { case?: Case } | undefined)?.case;
    },
    feedback,
    escalated,
    async say(activity) {
      await adapter.receiveActivity(
        typeof activity === 'string' ? { type: 'message', text: activity } : { type: 'message', ...activity },
      );
      const replies = adapter.activeQueue.splice(0);
      // Every card the bot sends in any transcript must be valid Adaptive Cards 1.5 within Teams' size limit.
      for (const card of cards(replies))
        assert.deepEqual(cardProblems(card), [], JSON.stringify(card).slice(0, 300));
      return replies;
    },
  };
}

type Json = Record<string, unknown>;

/** The Adaptive Cards among the replies. */
export function cards(replies: Partial<Activity>[]): Json[] {
  return replies.flatMap((r) =>
    (r.attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content as Json),
  );
}

/** Every Action.Submit data object in a card (body and actions, nested). */
export function submitData(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Json;
      if (o.type === 'Action.Submit') out.push(o.data as Json);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The cause a cause card is about (the id its "That fixed it" button carries). */
export function shownCauseId(replies: Partial<Activity>[]): string | undefined {
  for (const c of cards(replies)) {
    const fixed = submitData(c).find((d) => d.action === 'fixed');
    if (fixed) return fixed.causeId as string;
  }
  return undefined;
}

/** All text of the replies (messages and suggested-action titles), for loose content checks. */
export function allText(replies: Partial<Activity>[]): string {
  return replies
    .map((r) =>
      [
        r.text ?? '',
        ...(r.suggestedActions?.actions ?? []).map((a) => a.title ?? ''),
        ...cards([r]).map((c) => JSON.stringify(c)),
      ].join('\n'),
    )
    .join('\n');
}

/** The suggested replies of a question among the replies (their labels), or undefined when none was asked. */
export function askedAnswers(replies: Partial<Activity>[]): string[] | undefined {
  const q = replies.find((r) => r.suggestedActions?.actions.length);
  return q?.suggestedActions?.actions.map((a) => String(a.value));
}

/** What the engine itself says for these words and answers: the oracle transcripts are checked against. */
export function engineDiagnosis(texts: string[], answers: Record<string, string> = {}): Diagnosis {
  const c = emptyCase();
  for (const t of texts) addMessage(c, t);
  Object.assign(c.answers, answers);
  return diagnose(bundledKnowledgeBase(), c);
}
