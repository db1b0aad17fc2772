// A case's own report link. Every diagnosis card of a case links the same page, drawn from the case as it is when
// the page is opened (whole case so far: later messages, uploads and ruled-out causes included), so showing a card
// stores nothing but a small pointer once per case. When the case is replaced (restart, cancel), its report is
// frozen as it stands, so links in older cards keep showing that case. Escalations keep their own frozen report.
import type { StatePropertyAccessor, Storage, TurnContext } from 'botbuilder';
import type { CaseReports } from '../../dialogs/services.js';

export type { CaseReports };
import { diagnose, type Case, type KnowledgeBase } from '../../knowledge/index.js';
import { CASE_PROPERTY } from '../case-state.js';
import type { JsonConversationState } from '../store/json-change-state.js';
import { reportUrl } from './create-report.js';
import type { ReportStore } from './report-store.js';
import type { CaseReportState, LiveReportCase } from './report-types.js';

/** The conversation-state property beside `case` that names the case's live report. */
export const CASE_REPORT_PROPERTY = 'caseReport';


export interface CaseReportLinksOptions {
  conversationState: JsonConversationState;
  store: ReportStore;
  kb: KnowledgeBase;
  /** Read per call: in local mode the port is only known after listen(). */
  baseUrl: () => string;
  now?: () => Date;
}

export class CaseReportLinks implements CaseReports {
  private readonly property: StatePropertyAccessor<CaseReportState | undefined>;
  private readonly now: () => Date;

  constructor(private readonly options: CaseReportLinksOptions) {
    this.property = options.conversationState.createProperty<CaseReportState | undefined>(CASE_REPORT_PROPERTY);
    this.now = options.now ?? (() => new Date());
  }

  async link(context: TurnContext): Promise<string> {
    const current = await this.property.get(context);
    const id = current?.id ?? (await this.options.store.createLive(await this.options.conversationState.keyFor(context)));
    await this.property.set(context, { id, shownAt: this.now().toISOString() });
    return reportUrl(this.options.baseUrl(), id);
  }

  /**
   * Freezes the report as the case stands, dated when a card last linked it (so it expires as the live page would
   * have). When that fails, the link is retired instead: it must never go on to show the case that replaces this one.
   */
  async close(context: TurnContext, c: Case): Promise<void> {
    const current = await this.property.get(context);
    if (!current) return;
    const shown = Date.parse(current.shownAt);
    try {
      await this.options.store.freeze(current.id, { case: c, diagnosis: diagnose(this.options.kb, c), timelines: c.timelines }, Number.isNaN(shown) ? undefined : new Date(shown));
    } catch (err) {
      await this.options.store.retire(current.id).catch(() => undefined);
      throw err;
    } finally {
      await this.property.delete(context);
    }
  }
}

/** ReportStoreOptions.readLive over the bot's storage: the case a live report points at, if it is still that case. */
export function liveCaseReader(storage: Storage, kb: KnowledgeBase): (stateKey: string, id: string) => Promise<LiveReportCase | undefined> {
  return async (stateKey, id) => {
    const state = (await storage.read([stateKey]))[stateKey] as Record<string, unknown> | undefined;
    const report = state?.[CASE_REPORT_PROPERTY] as CaseReportState | undefined;
    const c = state?.[CASE_PROPERTY] as Case | undefined;
    if (!c || report?.id !== id) return undefined;
    return { case: c, diagnosis: diagnose(kb, c), timelines: c.timelines, shownAt: report.shownAt };
  };
}
