// Conversation and user state that tell a changed state from an unchanged one by its JSON text. Bot Framework's
// BotState hashes the state with SHA-256 after a circular-safe stringify that calls a replacer for every value, once
// when the state is loaded and twice more per save: a tenth of a diagnosis turn's CPU. The state here is JSON read
// from storage and plain objects the dialogs build, so the JSON text itself is the change check. Same contract as
// BotState: load once per turn, write only when changed (or forced), clear, delete, get.
import { calculateChangeHash, ConversationState, UserState, type BotState, type TurnContext } from 'botbuilder';

interface Cached {
  state: Record<string, unknown>;
  /** The state's JSON without its eTag when last loaded or saved; '' forces the next save. */
  json: string;
}

/** The state's JSON without its eTag. A value plain JSON cannot take (a cycle) falls back to the library's hash. */
export function stateSnapshot(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  try {
    return JSON.stringify(rest);
  } catch {
    return `hash:${calculateChangeHash(state)}`;
  }
}

type StateClass = abstract new (...args: any[]) => BotState; // eslint-disable-line @typescript-eslint/no-explicit-any

function withJsonChangeCheck<TBase extends StateClass>(Base: TBase) {
  abstract class JsonChangeState extends Base {
    private readonly cacheKey = Symbol('jsonChangeState');

    override load(context: TurnContext, force = false): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
      const cached = this.cached(context);
      if (!force && cached?.state) return Promise.resolve(cached.state);
      return Promise.resolve(this.storageKey(context)).then((key) =>
        this.storage.read([key]).then((items) => {
          const state = (items[key] ?? {}) as Record<string, unknown>;
          context.turnState.set(this.cacheKey, { state, json: stateSnapshot(state) } satisfies Cached);
          return state;
        }),
      );
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      let cached = this.cached(context);
      if (!cached && !force) return;
      const json = cached ? stateSnapshot(cached.state) : '';
      if (cached && !force && json === cached.json) return;
      const key = await this.storageKey(context);
      cached ??= { state: {}, json: '' };
      cached.state.eTag = '*';
      await this.storage.write({ [key]: cached.state });
      cached.json = json || stateSnapshot(cached.state);
      context.turnState.set(this.cacheKey, cached);
    }

    override clear(context: TurnContext): Promise<void> {
      context.turnState.set(this.cacheKey, { state: {}, json: '' } satisfies Cached);
      return Promise.resolve();
    }

    override delete(context: TurnContext): Promise<void> {
      context.turnState.delete(this.cacheKey);
      return Promise.resolve(this.storageKey(context)).then((key) => this.storage.delete([key]));
    }

    /** The storage key this state is kept under for the turn's conversation (or user). */
    keyFor(context: TurnContext): Promise<string> {
      return Promise.resolve(this.storageKey(context));
    }

    override get(context: TurnContext): any | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any
      return this.cached(context)?.state;
    }

    private cached(context: TurnContext): Cached | undefined {
      const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
      return cached && typeof cached.state === 'object' ? cached : undefined;
    }
  }
  return JsonChangeState;
}

export class JsonConversationState extends withJsonChangeCheck(ConversationState) {}
export class JsonUserState extends withJsonChangeCheck(UserState) {}
