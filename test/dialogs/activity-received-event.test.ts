import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogSet, type DialogContext, type DialogEvent, type DialogState } from 'botbuilder-dialogs';
import { ActivityReceivedEventSkip } from '../../dialogs/activity-received-event.js';
import { DiagnoseDialog } from '../../dialogs/diagnose-dialog.js';
import { EscalateDialog } from '../../dialogs/escalate-dialog.js';
import { ExplainDialog } from '../../dialogs/explain-dialog.js';
import { MainDialog } from '../../dialogs/main-dialog.js';

/** A dialog that stays on the stack and notes every dialog event it is offered. */
class ListeningDialog extends Dialog {
  constructor(private readonly heard: string[]) {
    super('listening');
  }
  override async beginDialog(): Promise<typeof Dialog.EndOfTurn> {
    return Dialog.EndOfTurn;
  }
  override async continueDialog(): Promise<typeof Dialog.EndOfTurn> {
    return Dialog.EndOfTurn;
  }
  protected override async onPreBubbleEvent(_dc: DialogContext, e: DialogEvent): Promise<boolean> {
    this.heard.push(e.name);
    return false;
  }
}

async function run(texts: number, skip: ActivityReceivedEventSkip | undefined, heard: string[]): Promise<void> {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
  dialogs.add(new ListeningDialog(heard));
  const adapter = new TestAdapter(async (context: TurnContext) => {
    const dc = await dialogs.createContext(context);
    skip?.prime(context);
    const result = await dc.continueDialog();
    skip?.learn(context);
    if (!dc.activeDialog && result.status === 'empty') await dc.beginDialog('listening');
    await state.saveChanges(context);
  });
  for (let i = 0; i < texts; i++) await adapter.send(`turn ${i}`);
}

describe('dialogs/activity-received-event', () => {
  it('botbuilder-dialogs still walks activityReceived through the dialogs on every turn: what the skip saves', async () => {
    const heard: string[] = [];
    await run(3, undefined, heard);
    assert.deepEqual(heard, ['activityReceived', 'activityReceived'], 'turns 2 and 3 (turn 1 had no dialog yet)');
  });

  it('after the first turn, the event is no longer walked through the dialogs', async () => {
    const heard: string[] = [];
    await run(4, new ActivityReceivedEventSkip(), heard);
    assert.deepEqual(heard, [], 'the marker is learned on turn 1, before any dialog listens');
  });

  it('sets nothing before it has learned the marker (a library without it keeps its event)', () => {
    const skip = new ActivityReceivedEventSkip();
    skip.learn({ turnState: new Map([[Symbol('somethingElse'), true]]) } as unknown as TurnContext);
    const turnState = new Map();
    skip.prime({ turnState } as unknown as TurnContext);
    assert.equal(turnState.size, 0);
  });

  it("this bot's dialogs handle no dialog events, so skipping activityReceived loses nothing", () => {
    const hooks = ['onDialogEvent', 'onPreBubbleEvent', 'onPostBubbleEvent'];
    for (const dialog of [MainDialog, DiagnoseDialog, ExplainDialog, EscalateDialog]) {
      for (let proto = dialog.prototype; proto !== ComponentDialog.prototype && proto !== Dialog.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const hook of hooks)
          assert.ok(!Object.prototype.hasOwnProperty.call(proto, hook), `${dialog.name} overrides ${hook}: remove ActivityReceivedEventSkip from support-bot.ts, or handle the event there`);
      }
    }
  });
});
