// "Talk to an engineer": hands the Case to the injected escalation service when there is one. Without one, it says
// truthfully that handoff is not configured here and gives the user the redacted case summary to pass on.
import type { StatePropertyAccessor } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Case } from '../knowledge/index.js';
import { caseSummary } from './case-summary.js';
import { newCase } from './conversation-state.js';
import * as say from './messages.js';
import { sendMarkdown } from './send-reply.js';
import type { DialogServices } from './services.js';

export const ESCALATE_DIALOG = 'escalate';

export class EscalateDialog extends Dialog {
  constructor(
    private readonly caseState: StatePropertyAccessor<Case>,
    private readonly services: DialogServices,
  ) {
    super(ESCALATE_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const c = await this.caseState.get(dc.context, newCase());
    if (this.services.escalate) {
      try {
        await this.services.escalate(dc.context, c);
        return dc.endDialog({ escalated: true });
      } catch (err) {
        // The user must not believe a ticket exists when it does not: say so and fall back to the summary.
        this.services.log.warn('escalation failed', {
          error: err instanceof Error ? err.message : String(err),
        });
        await sendMarkdown(dc.context, `${say.HANDOFF_FAILED}\n\n${caseSummary(this.services.kb, c)}`);
        return dc.endDialog({ escalated: false });
      }
    }
    await sendMarkdown(dc.context, `${say.HANDOFF_NOT_CONFIGURED}\n\n${caseSummary(this.services.kb, c)}`);
    return dc.endDialog({ escalated: false });
  }
}
