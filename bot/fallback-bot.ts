// FALLBACK conversation logic, used until dialogs/ provides the real bot: answers every message through the shared
// engine in plain text, keeping the conversation's Case (words, file evidence, answers) in conversation state.
import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { addIngestResult, addMessage, answer, diagnose, diagnoseWithDetails, emptyCase, type Case, type Question } from '../knowledge/index.js';
import type { BotDeps, SupportBot } from './bot-contract.js';
import { caseAccessor, loadCase } from './case-state.js';
import { renderDiagnosisText } from './fallback-text.js';
import type { BotServices } from './services.js';

const RESET_WORDS = /^\s*(\/reset|reset|start over|new case)\s*$/i;

const GREETING =
  'Hi! I help diagnose IIS / ASP.NET impersonation, delegation and Windows-authentication failures. ' +
  'Describe what fails (error codes, HTTP status like 500.0 or 401.2, what changed), or attach a FREB trace, ' +
  'an IIS log, an event-log export or web.config. Type "start over" for a new case.';

export class FallbackBot extends ActivityHandler implements SupportBot {
  private readonly caseState: StatePropertyAccessor<Case>;
  private readonly pendingQuestion: StatePropertyAccessor<Question | null>;
  private readonly fileNames: StatePropertyAccessor<string[]>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly services: BotServices,
  ) {
    super();
    this.caseState = caseAccessor(conversationState);
    this.pendingQuestion = conversationState.createProperty<Question | null>('pendingQuestion');
    this.fileNames = conversationState.createProperty<string[]>('fileNames');
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) await context.sendActivity(GREETING);
      await next();
    });
  }

  async resetAfterError(context: TurnContext): Promise<void> {
    // Only the pending question could be stale; the Case itself is kept.
    await this.pendingQuestion.delete(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = (context.activity.text ?? '').trim();
    if (RESET_WORDS.test(text)) {
      await this.caseState.set(context, emptyCase());
      await this.pendingQuestion.delete(context);
      await this.fileNames.delete(context);
      await context.sendActivity('OK, new case. What is failing?');
      return;
    }
    const c = await loadCase(this.caseState, context);
    const pending = await this.pendingQuestion.get(context, null);
    const picked = pending ? pickAnswer(pending, text) : undefined;
    if (pending && picked !== undefined) answer(c, pending.id, picked);
    else if (text) addMessage(c, text);

    const fileNames = await this.fileNames.get(context, []);
    const collected = await this.services.attachments.collect(context.activity);
    if (collected.files.length > 0) {
      const { ingest } = await diagnoseWithDetails({ texts: [], files: collected.files }, this.services.kb, this.services.ingestOptions);
      addIngestResult(c, ingest);
      fileNames.push(...ingest.files.map((f) => f.name));
      await this.fileNames.set(context, fileNames);
    }
    if (collected.errors.length) c.errors = [...(c.errors ?? []), ...collected.errors];

    const diagnosis = diagnose(this.services.kb, c);
    // File problems are reported once, in the turn they happened.
    c.errors = [];
    await this.caseState.set(context, c);
    await this.pendingQuestion.set(context, diagnosis.question);
    await context.sendActivity(
      renderDiagnosisText(diagnosis, `Case so far: ${c.texts.length} message(s), ${fileNames.length} file(s), ${Object.keys(c.answers).length} answer(s).`),
    );
  }
}

/** The answer value when the text picks one of the question's suggested answers (by number, label or value). */
export function pickAnswer(question: Question, text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= question.answers.length) return question.answers[n - 1].value;
  return question.answers.find((a) => a.label.toLowerCase() === t || a.value.toLowerCase() === t)?.value;
}

export function createFallbackBot(deps: BotDeps): FallbackBot {
  return new FallbackBot(deps.conversationState, deps.services);
}
