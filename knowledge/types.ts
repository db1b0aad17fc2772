// The core types shared by the engine, the ingestion layer, the bot, the CLI and the HTTP API.
// Nothing here knows about Bot Framework, the file system or the environment.
import type { RequestTimeline } from './ingest/types.js';

/** Where a fact came from, precise enough to cite: "fr000041.xml, event 14". */
export interface EvidenceSource {
  /** File name as the user gave it (inside a zip: "bundle.zip/W3SVC1/fr000041.xml"); "message" for typed text. */
  file: string;
  /** 1-based line number in a text log or config file. */
  line?: number;
  /** 1-based index of the event inside a trace or event-log export. */
  event?: number;
  /** Config path ("configuration/system.web/identity") or JSON path ("log.entries[3]"). */
  path?: string;
}

/**
 * The kinds of evidence. Matching in the knowledge base is by `key`/`value`; `kind` groups them for display.
 * - code:      an error code; key "code", value canonical (see knowledge/codes: "0x80070542", "0xC000006D", "KRB:0x29")
 * - status:    an HTTP status; key "http.status", value "500.0" or "401.2" (status.substatus, substatus 0 when unknown)
 * - event:     a Windows event; key "event", value the event id ("4625"); attrs hold its fields (LogonType, SubStatus...)
 * - trace:     a fact read from a Failed Request Trace; key "freb.<name>" (e.g. "freb.auth.ntlmUsed"), value a string
 * - pattern:   a pattern found across many log lines; key "pattern", value a pattern id ("w3c.only-static-index-succeeds")
 * - config:    a configuration setting; key is the element path + attribute ("system.web/identity@impersonate"), value
 * - text:      a phrase the user wrote; key "text", value the phrase
 * - answer:    a user's answer to a question; key "answer.<questionId>", value the answer value
 * - fact:      anything else a parser wants to state; key "<namespace>.<name>", value a string
 */
export type EvidenceKind = 'code' | 'status' | 'event' | 'trace' | 'pattern' | 'config' | 'text' | 'answer' | 'fact';

export interface Evidence {
  kind: EvidenceKind;
  key: string;
  value: string;
  source: EvidenceSource;
  /** A short, already-redacted excerpt of the original (one log line, one element, one event summary). */
  excerpt: string;
  /** Extra fields (event data, request facts) that predicates may test. Values are redacted strings. */
  attrs?: Record<string, string>;
}

export interface FileError {
  file: string;
  message: string;
}

/** Everything known about one user's problem, built up over several turns. */
export interface Case {
  /** The user's own words, in order (already redacted). */
  texts: string[];
  /** Evidence from uploaded files, extracted text facts and answers. */
  evidence: Evidence[];
  /** Answers to the engine's questions: question id -> answer value. */
  answers: Record<string, string>;
  /** Knowledge-base ids the user said did not help. */
  ruledOut: string[];
  /**
   * How many messages and evidence items the case held when each cause was ruled out: strong evidence added after
   * that (a trace that points straight at the cause) brings it back.
   */
  ruledOutAt?: Record<string, { texts: number; evidence: number }>;
  /** Problems with uploaded files (each names the file). */
  errors?: FileError[];
  /** The request pipeline of each uploaded trace, for report pages and engineers (capped). */
  timelines?: RequestTimeline[];
  /**
   * The engine's questions the bot put to the user, in the order asked, answered or not. `answers` alone cannot say
   * that a question went unanswered, and engineers must see what the user was already asked.
   */
  asked?: { id: string; text: string }[];
}

export function emptyCase(): Case {
  return { texts: [], evidence: [], answers: {}, ruledOut: [], errors: [] };
}

/** One decoded error code. */
export interface DecodedCode {
  /** What the user or the log wrote. */
  input: string;
  /** Canonical form used for matching ("0x80070542"). */
  canonical: string;
  /** "hresult" | "win32" | "ntstatus" | "sspi" | "kerberos" | "http" | "event". */
  family: string;
  name: string;
  message: string;
  /** Further facts: "Win32 error 1346", "facility WIN32 (7)", "severity failure". */
  details: string[];
  /** Other canonical forms of the same condition (0x80070542 <-> 1346 <-> 0xC00000A5). */
  equivalents: string[];
}

/** One piece of evidence as cited in an answer, with the signature it satisfied. */
export interface CitedEvidence {
  /** Human sentence: "fr000041.xml, event 14: StaticFileModule set 500, ErrorCode 0x80070542". */
  citation: string;
  /** What the knowledge base said this evidence means ("the impersonation-level error"). */
  meaning: string;
  weight: number;
  source: EvidenceSource;
  excerpt: string;
}

export interface Hypothesis {
  id: string;
  title: string;
  /** 0..1, comparable across hypotheses of one diagnosis. */
  confidence: number;
  /** "high" | "medium" | "low" in words for people. */
  confidenceLabel: 'high' | 'medium' | 'low';
  evidence: CitedEvidence[];
  explanation: string;
  steps: string[];
  verify: string;
  references: { title: string; url: string }[];
  /** The user ruled this cause out earlier, and evidence added since points at it again. */
  reconsidered?: true;
}

/** A known problem that is not an identity failure, recognised in the case (see the knowledge base's look-alikes). */
export interface LookalikeMatch {
  id: string;
  title: string;
  summary: string;
  evidence: CitedEvidence[];
  /** Why it is not an identity problem, and what it is instead. */
  explanation: string;
  /** What to check instead. */
  steps: string[];
  references: { title: string; url: string }[];
  /** The user ruled this look-alike out earlier, and evidence added since points at it again. */
  reconsidered?: true;
}

export interface QuestionAnswer {
  label: string;
  value: string;
}

export interface Question {
  id: string;
  text: string;
  /** Suggested replies; empty when the answer is free text. */
  answers: QuestionAnswer[];
  /** Why this question is asked ("tells cause A apart from cause B"). */
  why: string;
}

export interface Diagnosis {
  hypotheses: Hypothesis[];
  codes: DecodedCode[];
  question: Question | null;
  unknown: boolean;
  /** When unknown or weak: what would settle it (a trace, an event log export...). */
  whatWouldHelp: string[];
  errors: FileError[];
  /**
   * Known non-identity problems the case matches, strongest first. A cause whose own evidence does not outweigh the
   * strongest one is not offered. Absent in diagnoses stored before look-alikes existed.
   */
  lookalikes?: LookalikeMatch[];
}
