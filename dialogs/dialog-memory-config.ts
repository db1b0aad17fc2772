// botbuilder-dialogs gives every DialogContext a DialogStateManager, and the first one of each turn builds its
// configuration anew: an instance of every registered memory scope and path resolver, a cost on every turn for
// memory paths this bot never uses. The scopes and resolvers are stateless, so the configuration built on the first
// turn is handed to later turns through the turn-state key the library caches it under within a turn.
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** botbuilder-dialogs' own turn-state key (memory/dialogStateManager.js); a test checks the library still reads it. */
export const DIALOG_STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

export class DialogMemoryConfig {
  private config?: DialogStateManagerConfiguration;

  /** Before the turn's first DialogContext: reuse the configuration, unless this turn brings scopes of its own. */
  prime(context: TurnContext): void {
    const turn = context.turnState;
    if (!this.config || turn.get(DIALOG_STATE_MANAGER_CONFIGURATION) || turn.get('memoryScopes') || turn.get('pathResolvers')) return;
    turn.set(DIALOG_STATE_MANAGER_CONFIGURATION, this.config);
  }

  /** After the first DialogContext of a turn without scopes of its own: keep what the library built. */
  remember(dc: DialogContext): void {
    if (this.config || dc.context.turnState.get('memoryScopes') || dc.context.turnState.get('pathResolvers')) return;
    this.config = dc.state.configuration;
  }
}
