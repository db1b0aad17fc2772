// Builds the Case over several turns (words, codes, files, answers), runs the engine after each input, and either
// asks the engine's best next question or shows the top cause with its feedback buttons. "Not it" rules the cause
// out and moves on; when nothing plausible is left, or the engine does not know, it offers an engineer.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { answer, diagnose, findEntry, reconsider, ruleOut, ruledOutAnyCause, type Case, type Diagnosis, type Question } from '../knowledge/index.js';
import { recordAsked } from '../knowledge/case.js';
import {
  allCausesReply,
  captureGuideMarkdown,
  causeReply,
  engineerOfferReply,
  type CardActionData,
} from '../bot/cards/index.js';
import { addFiles, addText } from './case-intake.js';
import { captureGuide, traceWouldSettle } from './capture-guide.js';
import { newCase, replaceCase } from './conversation-state.js';
import * as say from './messages.js';
import { pickAnswer, saysMoreThanAnswer, pickNumber } from './pick-answer.js';
import { sendMarkdown, sendQuestion, sendReply } from './send-reply.js';
import type { DialogServices, FeedbackOutcome } from './services.js';
import {
  confidentIntent,
  isSharedConversation,
  readTurnInput,
  wantsToUpload,
  type TurnInput,
} from './turn-input.js';

export const DIAGNOSE_DIALOG = 'diagnose';

/** What the dialog remembers between turns (persisted with the dialog stack). */
export interface DiagnoseState {
  /** The cause whose card was shown last: typed "that fixed it" / "not it" refer to it. */
  shownCauseId?: string;
  /** The question asked last and not answered yet. */
  pendingQuestion?: Question;
  /** Questions already asked: each is asked once; skipped ones are not repeated. */
  askedQuestionIds: string[];
  /** The causes listed by "Show all causes", so a typed number opens one. */
  listedCauseIds?: string[];
  /** The capture steps are given once per case. */
  captureGuideShown?: boolean;
}

/** The pending question of an active diagnose dialog, for the main dialog's interruption checks. */
export function pendingQuestionOf(dc: DialogContext): Question | undefined {
  return dc.activeDialog?.id === DIAGNOSE_DIALOG
    ? (dc.activeDialog.state as DiagnoseState).pendingQuestion
    : undefined;
}

type Next = 'diagnose' | 'wait' | 'end';

export class DiagnoseDialog extends Dialog {
  constructor(
    private readonly caseState: StatePropertyAccessor<Case>,
    private readonly services: DialogServices,
  ) {
    super(DIAGNOSE_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state: DiagnoseState = { askedQuestionIds: [] };
    dc.activeDialog!.state = state;
    return this.onTurn(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.onTurn(dc, dc.activeDialog!.state as DiagnoseState);
  }

  /** An interruption pushed on top (explain, escalate) ended: the case goes on, waiting for the user. */
  override async resumeDialog(): Promise<DialogTurnResult> {
    return Dialog.EndOfTurn;
  }

  /** After an interruption (help, a greeting): ask the pending question again. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as DiagnoseState;
    if (state.pendingQuestion)
      await sendQuestion(
        context,
        state.pendingQuestion,
        isSharedConversation(readTurnInput(context, this.services)),
      );
  }

  private async onTurn(dc: DialogContext, state: DiagnoseState): Promise<DialogTurnResult> {
    const context = dc.context;
    const input = readTurnInput(context, this.services);
    const c = await this.caseState.get(context, newCase());
    const next = await this.consume(context, input, c, state);
    if (next === 'end') return dc.endDialog();
    if (next === 'diagnose') await this.present(context, input, c, state);
    return Dialog.EndOfTurn;
  }

  /** Applies the turn's input to the case; says whether to run the engine now. */
  private async consume(
    context: TurnContext,
    input: TurnInput,
    c: Case,
    state: DiagnoseState,
  ): Promise<Next> {
    // A reply that answers the pending question ("no idea", "it's stopped") is an answer, never feedback or a command.
    const picked = !input.action && state.pendingQuestion && input.text ? pickAnswer(state.pendingQuestion, input.text) : undefined;
    const action = input.action ?? (picked === undefined ? typedAction(input, state) : undefined);
    let next: Next = 'diagnose';
    if (action) {
      next = await this.onAction(context, action, c, state);
    } else if (input.text) {
      if (state.pendingQuestion && picked !== undefined) {
        answer(c, state.pendingQuestion.id, picked);
        // "no, the password is fine, we checked it yesterday": the rest of the reply is case detail too.
        if (saysMoreThanAnswer(state.pendingQuestion, input.text)) addText(c, input.text);
        state.pendingQuestion = undefined;
      } else if (wantsToUpload(input)) {
        await sendMarkdown(
          context,
          isSharedConversation(input)
            ? say.FILES_IN_SHARED_CHAT
            : say.attachInstructions(this.services.ingestOptions.maxFileBytes),
        );
        next = 'wait';
      } else {
        addText(c, input.text);
      }
    }
    if (input.hasFiles && next !== 'end') {
      const intake = await addFiles(context, c, this.services);
      if (intake.errors.length)
        await sendMarkdown(context, say.fileProblems(intake.errors.map((e) => e.message)));
      if (intake.filesRead.length) next = 'diagnose';
    }
    return next;
  }

  private async onAction(
    context: TurnContext,
    action: CardActionData,
    c: Case,
    state: DiagnoseState,
  ): Promise<Next> {
    switch (action.action) {
      case 'answer':
        answer(c, action.questionId!, action.value!);
        if (state.pendingQuestion?.id === action.questionId) state.pendingQuestion = undefined;
        return 'diagnose';
      case 'fixed': {
        if (action.causeId && !this.belongsToCase(action.causeId, c, state)) return this.staleCard(context);
        const causeId = action.causeId ?? state.shownCauseId;
        if (!causeId) {
          await sendMarkdown(context, say.FIXED_WITHOUT_CAUSE);
          await replaceCase(this.caseState, this.services, context);
          return 'end';
        }
        await this.feedback(context, causeId, 'fixed');
        await sendMarkdown(context, say.fixedThanks(this.title(causeId)));
        await replaceCase(this.caseState, this.services, context);
        return 'end';
      }
      case 'not_it': {
        if (action.causeId && !this.belongsToCase(action.causeId, c, state)) return this.staleCard(context);
        const causeId = action.causeId ?? state.shownCauseId;
        if (!causeId) return this.noCauseShown(context);
        await this.feedback(context, causeId, 'not_fixed');
        ruleOut(c, causeId);
        if (state.shownCauseId === causeId) state.shownCauseId = undefined;
        await sendMarkdown(context, say.ruledOutNote(this.title(causeId)));
        return 'diagnose';
      }
      case 'show_all': {
        const d = diagnose(this.services.kb, c);
        state.listedCauseIds = d.hypotheses.map((h) => h.id);
        await sendReply(
          context,
          allCausesReply({ hypotheses: d.hypotheses, ruledOut: c.ruledOut.map((id) => this.title(id)) }),
        );
        return 'wait';
      }
      case 'show_cause': {
        const d = diagnose(this.services.kb, c);
        const rank = d.hypotheses.findIndex((h) => h.id === action.causeId);
        if (rank < 0) await sendMarkdown(context, say.CAUSE_NO_LONGER_RANKED);
        else await this.showCause(context, d, rank, c, state);
        return 'wait';
      }
      case 'escalate':
        // The main dialog handles escalation before this dialog sees the turn; nothing to add to the case.
        return 'wait';
    }
  }

  /** Runs the engine and answers: file-less "unknown" -> what would help + an engineer; a question; or the top cause. */
  private async present(
    context: TurnContext,
    input: TurnInput,
    c: Case,
    state: DiagnoseState,
  ): Promise<void> {
    const d = diagnose(this.services.kb, c);
    const top = d.hypotheses[0];
    if (d.unknown || !top) {
      // A look-alike shown takes "That fixed it" and "Not it" like a cause; one that new evidence brought back is in
      // play again.
      const lookalike = d.lookalikes?.[0];
      if (lookalike?.reconsidered) reconsider(c, lookalike.id);
      state.shownCauseId = lookalike?.id;
      state.pendingQuestion = undefined;
      await sendReply(
        context,
        engineerOfferReply({
          reason: ruledOutAnyCause(this.services.kb, c.ruledOut) ? 'exhausted' : 'unknown',
          whatWouldHelp: d.whatWouldHelp,
          lookalikes: d.lookalikes,
        }),
      );
      await this.offerCaptureGuide(context, c, d, state);
      return;
    }
    // Causes that new evidence brought back are in play again everywhere (the causes list, the engineers' packet).
    for (const h of d.hypotheses) if (h.reconsidered) reconsider(c, h.id);
    if (top.reconsidered) await sendMarkdown(context, say.reconsideredNote(top.title));
    if (d.question && !state.askedQuestionIds.includes(d.question.id)) {
      state.askedQuestionIds.push(d.question.id);
      state.pendingQuestion = d.question;
      // Kept in the Case too (the dialog state forgets it once answered or skipped): the engineers' packet lists
      // every question asked, with its answer or "not answered".
      recordAsked(c, d.question);
      await sendQuestion(context, d.question, isSharedConversation(input));
      return;
    }
    state.pendingQuestion = undefined;
    await this.showCause(context, d, 0, c, state);
    await this.offerCaptureGuide(context, c, d, state);
  }

  private async showCause(
    context: TurnContext,
    d: Diagnosis,
    rank: number,
    c: Case,
    state: DiagnoseState,
  ): Promise<void> {
    const h = d.hypotheses[rank];
    state.shownCauseId = h.id;
    await sendReply(
      context,
      causeReply({
        hypothesis: h,
        rank: rank + 1,
        total: d.hypotheses.length,
        ruledOut: c.ruledOut.length,
        codes: d.codes,
        reportUrl: await this.reportUrl(context),
      }),
    );
  }

  private async offerCaptureGuide(
    context: TurnContext,
    c: Case,
    d: Diagnosis,
    state: DiagnoseState,
  ): Promise<void> {
    if (state.captureGuideShown || !traceWouldSettle(this.services.kb, c, d)) return;
    const guide = captureGuide(this.services.kb, c, d);
    if (!guide) return;
    state.captureGuideShown = true;
    await sendMarkdown(context, captureGuideMarkdown(guide));
  }

  private async feedback(context: TurnContext, causeId: string, outcome: FeedbackOutcome): Promise<void> {
    const conversationId = context.activity.conversation?.id ?? '';
    if (this.services.recordFeedback) await this.services.recordFeedback(causeId, outcome, conversationId);
    else this.services.log.warn('feedback not stored: no feedback store configured', { causeId, outcome });
  }

  /** A failed report store must not cost the user the diagnosis itself: the card then goes without the link. */
  private async reportUrl(context: TurnContext): Promise<string | undefined> {
    if (!this.services.reports) return undefined;
    try {
      return await this.services.reports.link(context);
    } catch (err) {
      this.services.log.warn('report not stored', { error: (err as Error).message });
      return undefined;
    }
  }

  /** A cause this case has shown, listed, ruled out or still ranks: a button from a closed case's card is none of these. */
  private belongsToCase(causeId: string, c: Case, state: DiagnoseState): boolean {
    if (state.shownCauseId === causeId || c.ruledOut.includes(causeId) || state.listedCauseIds?.includes(causeId)) return true;
    const d = diagnose(this.services.kb, c);
    return d.hypotheses.some((h) => h.id === causeId) || (d.lookalikes ?? []).some((l) => l.id === causeId);
  }

  private async staleCard(context: TurnContext): Promise<Next> {
    await sendMarkdown(context, say.STALE_CARD);
    return 'wait';
  }

  private async noCauseShown(context: TurnContext): Promise<Next> {
    await sendMarkdown(context, say.NO_CAUSE_SHOWN);
    return 'wait';
  }

  private title(causeId: string): string {
    return findEntry(this.services.kb, causeId)?.title ?? causeId;
  }
}

/** Typed feedback ("that did not fix it") and a number picking from the "all causes" list, as button presses. */
function typedAction(input: TurnInput, state: DiagnoseState): CardActionData | undefined {
  const intent = confidentIntent(input);
  // "It works now" before any cause was shown still ends the case: there is just no cause to credit.
  if (intent === 'feedback_fixed') return { action: 'fixed', ...(state.shownCauseId ? { causeId: state.shownCauseId } : {}) };
  if (intent === 'feedback_not_fixed' && state.shownCauseId)
    return { action: 'not_it', causeId: state.shownCauseId };
  const n =
    state.listedCauseIds && !state.pendingQuestion
      ? pickNumber(input.text, state.listedCauseIds.length)
      : undefined;
  if (n !== undefined && state.listedCauseIds)
    return { action: 'show_cause', causeId: state.listedCauseIds[n - 1] };
  return undefined;
}
