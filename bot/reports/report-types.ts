// What a diagnosis report holds: the case (already redacted by the engine), the diagnosis and the traced requests.
import type { RequestTimeline } from '../../knowledge/ingest/types.js';
import type { Case, Diagnosis } from '../../knowledge/types.js';
import type { StoredHypothesis } from './report-content.js';

/** What the conversation hands over when it shows a diagnosis. */
export interface ReportInput {
  case: Case;
  diagnosis: Diagnosis;
  /** One per uploaded trace (IngestResult.timelines). */
  timelines?: RequestTimeline[];
  /** Optional heading ("IIS identity diagnosis"). */
  title?: string;
}

/** The stored form: size-capped copies, so a report can never grow a storage row without bound. */
export interface StoredReport {
  version: 1;
  createdAt: string;
  title: string;
  case: Pick<Case, 'texts' | 'evidence' | 'answers' | 'ruledOut'>;
  diagnosis: Diagnosis;
  timelines: RequestTimeline[];
  /** Drawn from the conversation's case as it is now (a case's own link), not kept as it was when made. */
  live?: boolean;
}

/**
 * How a case's own report link is stored: a pointer to the conversation state that holds the case. The page is
 * drawn from that case when it is opened, so every card of a case shares one link that shows the whole case so far.
 */
export interface LiveReportPointer {
  version: 'live';
  createdAt: string;
  /** The conversation-state storage key whose `case` the report shows. */
  stateKey: string;
}

/** What a conversation keeps of its case's live report, beside the case in conversation state. */
export interface CaseReportState {
  id: string;
  /** When a card last linked it: a live report stays readable for the retention period after that. */
  shownAt: string;
}

/** A live report's case, read from conversation state when its page is opened. */
export interface LiveReportCase extends ReportInput {
  shownAt: string;
}

/**
 * A report as it sits in storage. Version 1 carries whole hypotheses; version 2 keeps each hypothesis's
 * knowledge-base part under its own content key (report-content.ts). Both are read back as a StoredReport.
 */
export type PersistedReport =
  | StoredReport
  | LiveReportPointer
  | (Omit<StoredReport, 'version' | 'diagnosis'> & {
      version: 2;
      diagnosis: Omit<Diagnosis, 'hypotheses'> & { hypotheses: StoredHypothesis[] };
    });
