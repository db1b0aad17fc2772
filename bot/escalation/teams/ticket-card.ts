// The Adaptive Card (1.5, under Teams' 28 KB) posted to the engineers' channel per ticket: summary, top hypotheses,
// evidence, and the Take / Resolve actions. Buttons send `{ escalation: "take" | "resolve", ticketId }` (plus the
// Resolve form's inputs) back to the bot as Action.Submit.
import { submittedObject } from '../../cards/card-actions.js';
import { ticketLabel, type Ticket } from '../types.js';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MAX_CARD_BYTES = 24 * 1024;

export interface TicketCardAction {
  escalation: 'take' | 'resolve';
  ticketId: number;
  causeId?: string;
  note?: string;
}

/** Reads a ticket card's Action.Submit value (an object, or the same as a JSON string). */
export function parseTicketCardAction(value: unknown): TicketCardAction | undefined {
  const o = submittedObject(value);
  if (!o) return undefined;
  if ((o.escalation !== 'take' && o.escalation !== 'resolve') || !Number.isInteger(Number(o.ticketId))) return undefined;
  const text = (k: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string).trim() : undefined);
  return { escalation: o.escalation, ticketId: Number(o.ticketId), causeId: text('causeId'), note: text('note') };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ticketCard(ticket: Ticket, consoleUrl?: string): Record<string, unknown> {
  const p = ticket.packet;
  const hypotheses = p.hypotheses.slice(0, 5).map((h) => ({
    type: 'TextBlock',
    wrap: true,
    text: `${h.feedback === 'tried, did not help' ? '~~' : ''}${clip(h.title, 120)}${h.feedback === 'tried, did not help' ? '~~ (tried, did not help)' : h.confidenceLabel ? ` (${h.confidenceLabel})` : ''}`,
  }));
  const evidence = p.files.flatMap((f) => f.evidence.slice(0, 3).map((e) => `${f.name}: ${clip(e.excerpt || `${e.key} = ${e.value}`, 160)}`)).slice(0, 6);
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', size: 'Medium', weight: 'Bolder', wrap: true, text: `Ticket ${ticketLabel(ticket.id)}: ${ticket.status}` },
    { type: 'TextBlock', wrap: true, text: clip(p.summary, 600) },
    {
      type: 'FactSet',
      facts: [
        { title: 'Trigger', value: p.trigger },
        { title: 'Codes', value: p.codes.map((c) => c.canonical).join(', ') || 'none' },
        { title: 'Files', value: p.files.map((f) => f.name).join(', ') || 'none' },
        // Older tickets have no "answered" flag: every question they list was answered.
        { title: 'Questions', value: p.questions.length ? `${p.questions.length} asked, ${p.questions.filter((q) => q.answered === false).length} not answered` : 'none asked' },
        { title: 'Channel', value: p.channel },
      ],
    },
    { type: 'TextBlock', weight: 'Bolder', text: 'Hypotheses', spacing: 'Medium' },
    ...(hypotheses.length ? hypotheses : [{ type: 'TextBlock', wrap: true, text: 'None: the engine found no known cause.' }]),
  ];
  if (evidence.length) body.push({ type: 'TextBlock', weight: 'Bolder', text: 'Evidence', spacing: 'Medium' }, ...evidence.map((e) => ({ type: 'TextBlock', wrap: true, fontType: 'Monospace', size: 'Small', text: e })));
  if (p.reportUrl) body.push({ type: 'TextBlock', wrap: true, text: `[Report](${p.reportUrl})` });
  const actions: Record<string, unknown>[] = [
    { type: 'Action.Submit', title: 'Take', data: { escalation: 'take', ticketId: ticket.id } },
    {
      type: 'Action.ShowCard',
      title: 'Resolve',
      card: {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.Text', id: 'causeId', label: 'Cause: a knowledge-base id, or "new"', placeholder: p.hypotheses[0]?.id ?? 'new' },
          { type: 'Input.Text', id: 'note', label: 'Note', isMultiline: true },
        ],
        actions: [{ type: 'Action.Submit', title: 'Resolve', data: { escalation: 'resolve', ticketId: ticket.id } }],
      },
    },
  ];
  if (consoleUrl) actions.push({ type: 'Action.OpenUrl', title: 'Open packet', url: consoleUrl });
  const card = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions };
  // Long summaries or many files must not push the card over Teams' limit: drop evidence first.
  if (Buffer.byteLength(JSON.stringify(card)) > MAX_CARD_BYTES) card.body = body.slice(0, 5 + hypotheses.length);
  return card;
}
