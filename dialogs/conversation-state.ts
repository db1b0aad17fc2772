// What the conversation keeps in conversation state: the Case (under the same property name the rest of the bot
// reads it by) and the dialog stack. Both live in the root's durable storage, so a restarted bot continues.
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { emptyCase, type Case } from '../knowledge/index.js';
import type { DialogServices } from './services.js';

/** Same name as bot/case-state.ts's CASE_PROPERTY: escalation and reports read the Case from there. */
export const CASE_PROPERTY = 'case';
export const DIALOG_STATE_PROPERTY = 'dialogState';

export interface ConversationAccessors {
  caseState: StatePropertyAccessor<Case>;
  dialogState: StatePropertyAccessor<DialogState>;
}

export function conversationAccessors(conversationState: ConversationState): ConversationAccessors {
  return {
    caseState: conversationState.createProperty<Case>(CASE_PROPERTY),
    dialogState: conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY),
  };
}

export function newCase(): Case {
  return emptyCase();
}

/**
 * Starts a new case (restart, cancel, "that fixed it"). The old case's report is frozen first, so the links in its
 * cards keep showing it; a failure there must not keep the user from starting over.
 */
export async function replaceCase(
  caseState: StatePropertyAccessor<Case>,
  services: Pick<DialogServices, 'reports' | 'log'>,
  context: TurnContext,
): Promise<void> {
  const { reports } = services;
  const old = reports ? await caseState.get(context) : undefined;
  if (reports && old) {
    await reports.close(context, old).catch((err: unknown) =>
      services.log.warn('report of the replaced case not kept', { error: (err as Error).message }),
    );
  }
  await caseState.set(context, newCase());
}
