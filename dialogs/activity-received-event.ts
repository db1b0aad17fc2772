// botbuilder-dialogs starts every turn's continueDialog by emitting an "activityReceived" dialog event, walked from
// the innermost active dialog out through each parent: about 40 µs of a turn, for an event only dialogs that
// override onPreBubbleEvent/onPostBubbleEvent look at (adaptive dialogs, interruption recipes). This bot's dialogs
// handle no dialog events (interruptions are MainDialog.interrupt; a test keeps it so). The library records that it
// emitted the event with a module-private symbol in turn state: the symbol is learned from the first turn that sets
// it, and set before later turns' continueDialog, which then skip the walk.
import type { TurnContext } from 'botbuilder';

/** The description of botbuilder-dialogs' own turn-state symbol (dialogContext.js); a test checks it still sets it. */
export const ACTIVITY_RECEIVED_MARKER = 'ActivityReceivedEmitted';

export class ActivityReceivedEventSkip {
  private marker?: symbol;

  /** Before the turn's continueDialog: mark the event as emitted, once the library's marker is known. */
  prime(context: TurnContext): void {
    if (this.marker) context.turnState.set(this.marker, true);
  }

  /** After a continueDialog: find the library's marker, if not known yet. */
  learn(context: TurnContext): void {
    if (this.marker) return;
    for (const key of context.turnState.keys()) {
      if (typeof key === 'symbol' && key.description === ACTIVITY_RECEIVED_MARKER) {
        this.marker = key;
        return;
      }
    }
  }
}
