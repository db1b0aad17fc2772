// The ticket and its handoff packet: what engineers receive, what the store keeps, what the API answers.
// Everything in here is redacted before it is stored (see packet/deep-redact.ts).
import type { ConversationReference } from 'botbuilder';
import type { DecodedCode, Evidence } from '../../knowledge/types.js';

export const TICKET_STATUSES = ['open', 'taken', 'waiting_for_user', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Why the case was handed over: the user asked, the engine did not know, or every plausible cause was tried. */
export type EscalationTrigger = 'requested' | 'unknown' | 'exhausted';

export type ConversationRef = Partial<ConversationReference>;

export interface TicketHistoryEntry {
  status: TicketStatus;
  at: string;
  by?: string;
  note?: string;
}

export interface TicketMessage {
  at: string;
  from: 'user' | 'engineer' | 'system';
  name?: string;
  text: string;
  via: 'chat' | 'teams' | 'console' | 'handoff';
}

export interface TicketResolution {
  /** An existing knowledge-base id, or null for a new cause. */
  causeId: string | null;
  note?: string;
  by?: string;
  at: string;
}

export interface PacketFile {
  name: string;
  format?: string;
  summary?: string;
  /** The redacted copy of the file (capped), when the upload was recorded. */
  redactedText?: string;
  evidence: Evidence[];
}

export type CauseFeedback = 'tried, did not help' | 'not tried yet';

export interface PacketHypothesis {
  id: string;
  title: string;
  confidence?: number;
  confidenceLabel?: string;
  evidence: { citation: string; meaning: string }[];
  feedback: CauseFeedback;
}

export interface PacketQuestion {
  id: string;
  question: string;
  /** The answer as the user saw it (its label), or "not answered". */
  answer: string;
  /** The stored answer value (what the engine and the evaluation set use); absent when not answered. */
  value?: string;
  /** False for a question the bot asked and the user never answered (absent in tickets written before it existed). */
  answered?: boolean;
}

export interface TranscriptEntry {
  at: string;
  from: 'user' | 'bot';
  text: string;
}

/** Everything the bot knew when it handed over, so engineers never ask the user again. */
export interface HandoffPacket {
  version: 1;
  summary: string;
  trigger: EscalationTrigger;
  channel: string;
  userWords: string[];
  codes: DecodedCode[];
  entities: { type: string; value: string }[];
  environment: Record<string, string[]>;
  files: PacketFile[];
  hypotheses: PacketHypothesis[];
  /** Known non-identity problems the case matches (the engine's look-alikes), strongest first. */
  lookalikes?: { id: string; title: string; evidence: { citation: string; meaning: string }[] }[];
  questions: PacketQuestion[];
  whatWouldHelp: string[];
  transcript: TranscriptEntry[];
  reportUrl?: string;
}

export interface Ticket {
  id: number;
  status: TicketStatus;
  trigger: EscalationTrigger;
  createdAt: string;
  updatedAt: string;
  takenBy?: string;
  resolution?: TicketResolution;
  history: TicketHistoryEntry[];
  /** True while messages are relayed between the user and the engineers. */
  live: boolean;
  user: { conversationId: string; channelId: string; name?: string; reference: ConversationRef };
  /** The ticket card's thread in the engineers' Teams channel, once the card is posted. */
  thread?: { conversationId: string; reference: ConversationRef };
  messages: TicketMessage[];
  packet: HandoffPacket;
  /** Optimistic-concurrency counter of the stored row. */
  version: number;
}

export type TicketDraft = Omit<Ticket, 'id' | 'version'>;

/** Ticket number as people see it. */
export function ticketLabel(id: number): string {
  return `#${id}`;
}
