// Where each conversation's Case lives: a property of conversation state, so it is stored durably with it.
import type { ConversationState, StatePropertyAccessor } from 'botbuilder';
import { emptyCase, type Case } from '../knowledge/types.js';

export const CASE_PROPERTY = 'case';

export function caseAccessor(conversationState: ConversationState): StatePropertyAccessor<Case> {
  return conversationState.createProperty<Case>(CASE_PROPERTY);
}

export async function loadCase(accessor: StatePropertyAccessor<Case>, context: Parameters<StatePropertyAccessor<Case>['get']>[0]): Promise<Case> {
  return accessor.get(context, emptyCase());
}
