// The root of the conversation: reads each turn (button or classified text), handles the interruptions that apply
// anywhere (restart, cancel, help, escalate, a greeting, a concept question), then continues the active dialog or
// routes a new request: problems and files to Diagnose, questions to Explain.
import type { StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { Case } from '../knowledge/index.js';
import { mentionsGreeting } from '../knowledge/intents/index.js';
import { replaceCase } from './conversation-state.js';
import { DIAGNOSE_DIALOG, DiagnoseDialog, pendingQuestionOf } from './diagnose-dialog.js';
import { ESCALATE_DIALOG, EscalateDialog } from './escalate-dialog.js';
import { EXPLAIN_DIALOG, ExplainDialog } from './explain-dialog.js';
import { findExplanation } from './find-explanation.js';
import * as say from './messages.js';
import { pickAnswer } from './pick-answer.js';
import { sendMarkdown } from './send-reply.js';
import type { DialogServices } from './services.js';
import {
  confidentIntent,
  isEmptyMessage,
  isSharedConversation,
  readTurnInput,
  wantsToUpload,
  type TurnInput,
} from './turn-input.js';

export const MAIN_DIALOG = 'main';

export class MainDialog extends ComponentDialog {
  constructor(
    private readonly caseState: StatePropertyAccessor<Case>,
    private readonly services: DialogServices,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new DiagnoseDialog(caseState, services));
    this.addDialog(new ExplainDialog(services));
    this.addDialog(new EscalateDialog(caseState, services));
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.onTurn(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.onTurn(innerDc);
  }

  /** The root never completes: it waits for the next message. */
  private async onTurn(innerDc: DialogContext): Promise<DialogTurnResult> {
    const input = readTurnInput(innerDc.context, this.services);
    if (!(await this.interrupt(innerDc, input))) {
      if (innerDc.activeDialog) await innerDc.continueDialog();
      else await this.route(innerDc, input);
    }
    return Dialog.EndOfTurn;
  }

  /** Handles what applies anywhere; true when the turn is done. */
  private async interrupt(dc: DialogContext, input: TurnInput): Promise<boolean> {
    const context = dc.context;
    const shared = isSharedConversation(input);
    const botName = context.activity.recipient?.name;
    if (isEmptyMessage(input)) {
      // Nothing for the engine: a run on an empty case would only say "unknown" and offer an engineer.
      await sendMarkdown(context, shared ? say.emptySharedMessage(botName) : say.WELCOME);
      if (dc.activeDialog) await dc.repromptDialog();
      return true;
    }
    if (input.restart) {
      await dc.cancelAllDialogs();
      await replaceCase(this.caseState, this.services, context);
      await sendMarkdown(context, `${say.RESTARTED}\n\n${say.welcomeFor(shared, botName)}`);
      return true;
    }
    if (input.action?.action === 'escalate') {
      await dc.beginDialog(ESCALATE_DIALOG);
      return true;
    }
    // An answer to the pending question ("yes", "2") is never read as a command.
    const pending = pendingQuestionOf(dc);
    if (pending && !input.action && pickAnswer(pending, input.text) !== undefined) return false;
    switch (confidentIntent(input)) {
      case 'escalate':
        await dc.beginDialog(ESCALATE_DIALOG);
        return true;
      case 'cancel':
        if (!dc.activeDialog) {
          await sendMarkdown(context, say.NOTHING_TO_CANCEL);
          return true;
        }
        await dc.cancelAllDialogs();
        await replaceCase(this.caseState, this.services, context);
        await sendMarkdown(context, say.CANCELLED);
        return true;
      case 'help':
        // "How do I send you my logs?" reads as help: where files cannot arrive, the help says how to share them.
        await sendMarkdown(context, shared ? `${say.HELP}\n\n${say.FILES_IN_SHARED_CHAT}` : say.HELP);
        if (dc.activeDialog) await dc.repromptDialog();
        return true;
      case 'greeting':
        // Mid-case, words the model finds chatty ("works from home") without a greeting in them are case detail.
        if (input.hasFiles || (dc.activeDialog && !mentionsGreeting(input.text))) return false;
        await sendMarkdown(context, say.welcomeFor(shared, botName));
        if (dc.activeDialog) await dc.repromptDialog();
        return true;
      case 'explain_concept':
      case 'how_to':
        // Only when the knowledge base has an answer; otherwise the words are more detail about the problem.
        if (!dc.activeDialog || input.hasFiles || !findExplanation(this.services.kb, input.text))
          return false;
        await dc.beginDialog(EXPLAIN_DIALOG);
        return true;
      default:
        return false;
    }
  }

  /** A message with no dialog active: questions to Explain, everything else that could be a problem to Diagnose. */
  private async route(dc: DialogContext, input: TurnInput): Promise<void> {
    const intent = confidentIntent(input);
    if (!input.action && !input.hasFiles) {
      if (intent === 'explain_concept' || intent === 'how_to') {
        const result = await dc.beginDialog(EXPLAIN_DIALOG);
        if ((result.result as { answered?: boolean } | undefined)?.answered) return;
        if (intent === 'explain_concept') {
          const topics = this.services.kb.concepts.map((k) => `- ${k.title}`).join('\n');
          await sendMarkdown(dc.context, `${say.NOT_AN_EXPLANATION}\n${topics}`);
          return;
        }
      }
      if (intent === 'out_of_scope') {
        await sendMarkdown(dc.context, say.OUT_OF_SCOPE);
        return;
      }
      if (wantsToUpload(input)) {
        await sendMarkdown(
          dc.context,
          isSharedConversation(input)
            ? say.FILES_IN_SHARED_CHAT
            : say.attachInstructions(this.services.ingestOptions.maxFileBytes),
        );
        return;
      }
      if (intent === 'feedback_fixed' || intent === 'feedback_not_fixed') {
        await sendMarkdown(dc.context, say.NO_CAUSE_SHOWN);
        return;
      }
    }
    const result = await dc.beginDialog(DIAGNOSE_DIALOG);
    if (result.status === DialogTurnStatus.complete)
      this.services.log.debug('diagnosis finished in one turn');
  }
}
