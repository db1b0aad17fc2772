// What the conversation keeps in conversation state: the Case (under the same property name the rest of the bot
// reads it by) and the dialog stack. Both live in the root's durable storage, so a restarted bot continues.
import type { ConversationState, StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { emptyCase, type Case } from '../knowledge/index.js';

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
