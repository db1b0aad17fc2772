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
}

/**
 * A report as it sits in storage. Version 1 carries whole hypotheses; version 2 keeps each hypothesis's
 * knowledge-base part under its own content key (report-content.ts). Both are read back as a StoredReport.
 */
export type PersistedReport =
  | StoredReport
  | (Omit<StoredReport, 'version' | 'diagnosis'> & {
      version: 2;
      diagnosis: Omit<Diagnosis, 'hypotheses'> & { hypotheses: StoredHypothesis[] };
    });
