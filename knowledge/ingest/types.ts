// Contracts of the ingestion layer: files in (Buffers or streams, never paths), redacted Evidence out.
import type { Evidence, FileError } from '../types.js';

/** A file as the user gave it. `stream` is for large logs; exactly one of data/stream is set. */
export interface IngestInput {
  name: string;
  data?: Buffer;
  stream?: AsyncIterable<Buffer | string>;
  /** Known size in bytes, when the caller knows it (for progress and early cap checks). */
  size?: number;
}

export interface IngestOptions {
  /** Largest single file accepted, in bytes (default 50 MB for in-memory formats; streamed logs are not capped). */
  maxFileBytes?: number;
  /** Largest total uncompressed size of a zip, in bytes (default 1 GB). */
  maxZipUncompressedBytes?: number;
  /** Most entries read from one zip (default 10,000). */
  maxZipEntries?: number;
  /** Called with bytes processed so far, for progress bars. */
  onProgress?: (file: string, bytesDone: number, bytesTotal: number | undefined) => void;
}

export type DetectedFormat =
  | 'freb'
  | 'w3c'
  | 'httperr'
  | 'eventlog-xml'
  | 'config'
  | 'har'
  | 'text'
  | 'zip'
  | 'unknown';

/** One step of a traced request, for the report page's pipeline timeline. */
export interface TimelineStep {
  /** 1-based event index in the trace. */
  event: number;
  /** Milliseconds since the request started. */
  atMs: number;
  durationMs: number;
  /** Module name, or the event name for non-module events (AUTH_SUCCEEDED...). */
  name: string;
  notification?: string;
  kind: 'module' | 'auth' | 'error' | 'info';
  /** Short redacted description ("AuthType=Negotiate NTLMUsed=true"). */
  detail: string;
  failed: boolean;
}

export interface RequestTimeline {
  file: string;
  url: string;
  status: string;
  timeTakenMs: number;
  steps: TimelineStep[];
}

/** What ingestion learnt from one file. */
export interface IngestedFile {
  name: string;
  format: DetectedFormat;
  bytes: number;
  /** A one-line summary for people ("FREB trace: GET /styles/site.css -> 500.0, 0x80070542"). */
  summary: string;
  /** The redacted text of the file (capped), safe to store, show and escalate. Absent for huge streamed logs. */
  redactedText?: string;
  /** How many secrets were removed, by kind ("password attribute": 2). */
  redactions: Record<string, number>;
}

export interface IngestResult {
  files: IngestedFile[];
  evidence: Evidence[];
  errors: FileError[];
  timelines: RequestTimeline[];
}

/** What one format parser returns for one file. */
export interface ParsedFile {
  format: DetectedFormat;
  evidence: Evidence[];
  summary: string;
  redactedText?: string;
  redactions: Record<string, number>;
  timeline?: RequestTimeline;
}

/** A problem with one input file; the message is for people and names the problem, `file` names the file. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
