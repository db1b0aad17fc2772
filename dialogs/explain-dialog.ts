// Answers concept, code and how-to questions from the knowledge base in one turn. Ends with `{ answered: false }`
// when the knowledge base has nothing on it, so the caller can treat the message as a problem report instead.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { explanationReply } from '../bot/cards/index.js';
import { findExplanation } from './find-explanation.js';
import { sendReply } from './send-reply.js';
import type { DialogServices } from './services.js';
import { readTurnInput } from './turn-input.js';

export const EXPLAIN_DIALOG = 'explain';

export interface ExplainResult {
  answered: boolean;
}

export class ExplainDialog extends Dialog {
  constructor(private readonly services: DialogServices) {
    super(EXPLAIN_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { text } = readTurnInput(dc.context, this.services);
    const view = text ? findExplanation(this.services.kb, text) : undefined;
    if (!view) return dc.endDialog({ answered: false } satisfies ExplainResult);
    await sendReply(dc.context, explanationReply(view));
    return dc.endDialog({ answered: true } satisfies ExplainResult);
  }
}
