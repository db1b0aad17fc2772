// What happens when a turn throws: log with context (ids and error type, never message text or secrets), apologise,
// and leave the conversation usable: the failed turn's state changes are dropped, the bot may reset its dialog
// stack, and the Case survives.
import type { BotState, TurnContext } from 'botbuilder';
import type { SupportBot } from './bot-contract.js';
import type { Logger } from './log.js';

export const APOLOGY =
  'Sorry, something went wrong on my side while handling that. Your case so far is kept: please try again, ' +
  'or type "start over" for a new case.';

// Our own typed errors carry file names and operations, not user text: their messages are safe to log.
const SAFE_MESSAGE_ERRORS = new Set(['StorageBackendError', 'StorageConflictError', 'AttachmentError', 'IngestError', 'KnowledgeBaseError']);

export function errorContext(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { error: typeof error };
  const frame = error.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim() ?? '';
  return {
    error: error.name,
    ...(SAFE_MESSAGE_ERRORS.has(error.name) ? { detail: error.message.slice(0, 300) } : {}),
    ...(frame ? { where: frame.replace(/^at /, '') } : {}),
  };
}

export function createTurnErrorHandler(bot: SupportBot, states: BotState[], log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const a = context.activity;
    log.error('turn failed', { channel: a.channelId, conversation: a.conversation?.id, activity: a.id, type: a.type, ...errorContext(error) });
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      log.error('could not send the apology', { conversation: a.conversation?.id, ...errorContext(sendError) });
    }
    try {
      // Reload what was stored before this turn, let the bot clear its broken part, and store that.
      for (const s of states) await s.load(context, true);
      if (bot.resetAfterError) {
        await bot.resetAfterError(context);
        for (const s of states) await s.saveChanges(context);
      }
    } catch (resetError) {
      log.error('could not reset the conversation after a failed turn', { conversation: a.conversation?.id, ...errorContext(resetError) });
    }
  };
}
