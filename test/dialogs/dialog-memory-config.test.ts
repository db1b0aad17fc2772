import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { DialogMemoryConfig, DIALOG_STATE_MANAGER_CONFIGURATION } from '../../dialogs/dialog-memory-config.js';

/** Runs one turn per text; `onTurn` sees the turn's first DialogContext. */
async function turns(count: number, onTurn: (context: TurnContext, dialogs: DialogSet) => Promise<void>): Promise<void> {
  const conversationState = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
  const adapter = new TestAdapter(async (context) => onTurn(context, dialogs));
  for (let i = 0; i < count; i++) await adapter.send(`turn ${i}`);
}

describe('dialogs/dialog-memory-config', () => {
  it("is read by botbuilder-dialogs from the turn-state key it caches its configuration under", async () => {
    await turns(1, async (context, dialogs) => {
      const dc = await dialogs.createContext(context);
      assert.equal(context.turnState.get(DIALOG_STATE_MANAGER_CONFIGURATION), dc.state.configuration);
    });
  });

  it('hands the first turn\'s memory scopes to every later turn', async () => {
    const memory = new DialogMemoryConfig();
    const seen: unknown[] = [];
    await turns(3, async (context, dialogs) => {
      memory.prime(context);
      const dc = await dialogs.createContext(context);
      memory.remember(dc);
      seen.push(dc.state.configuration);
      assert.ok(dc.state.configuration.memoryScopes.some((s) => s.name === 'turn'));
    });
    assert.equal(seen[1], seen[0]);
    assert.equal(seen[2], seen[0]);
  });

  it('leaves a turn that brings memory scopes of its own to the library', async () => {
    const memory = new DialogMemoryConfig();
    const seen: unknown[] = [];
    await turns(2, async (context, dialogs) => {
      if (seen.length === 1) context.turnState.set('memoryScopes', []);
      memory.prime(context);
      const dc = await dialogs.createContext(context);
      memory.remember(dc);
      seen.push(dc.state.configuration);
    });
    assert.notEqual(seen[1], seen[0]);
  });
});
