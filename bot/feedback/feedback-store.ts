// Feedback per knowledge-base cause ("that fixed it" / "not it"), kept in the bot's durable storage so the
// knowledge base's quality report survives restarts and works the same on SQLite and PostgreSQL.
import type { Storage, StoreItem } from 'botbuilder';
import { StorageConflictError } from '../store/index.js';

export type FeedbackOutcome = 'fixed' | 'not_fixed';

export interface CauseFeedback extends StoreItem {
  causeId: string;
  fixed: number;
  notFixed: number;
  /** The most recent outcomes, newest last, for spotting a cause that recently stopped helping. */
  recent: { outcome: FeedbackOutcome; conversationId: string; at: string }[];
}

const KEY_PREFIX = 'feedback/';
const RECENT = 50;
const RETRIES = 5;

export class FeedbackStore {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts one outcome; concurrent writers are serialised by the storage's eTags (retried on conflict). */
  async record(causeId: string, outcome: FeedbackOutcome, conversationId: string): Promise<void> {
    const key = KEY_PREFIX + causeId;
    for (let attempt = 1; ; attempt++) {
      const current = ((await this.storage.read([key]))[key] as CauseFeedback | undefined) ?? {
        causeId,
        fixed: 0,
        notFixed: 0,
        recent: [],
        eTag: undefined,
      };
      const next: CauseFeedback = {
        ...current,
        fixed: current.fixed + (outcome === 'fixed' ? 1 : 0),
        notFixed: current.notFixed + (outcome === 'not_fixed' ? 1 : 0),
        recent: [...current.recent, { outcome, conversationId, at: this.now().toISOString() }].slice(-RECENT),
      };
      try {
        await this.storage.write({ [key]: next });
        return;
      } catch (err) {
        if (!(err instanceof StorageConflictError) || attempt >= RETRIES) throw err;
      }
    }
  }

  async get(causeIds: string[]): Promise<CauseFeedback[]> {
    const items = await this.storage.read(causeIds.map((id) => KEY_PREFIX + id));
    return causeIds.flatMap((id) => {
      const item = items[KEY_PREFIX + id] as CauseFeedback | undefined;
      return item ? [item] : [];
    });
  }
}
