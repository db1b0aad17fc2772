// Learning from engineers: resolved tickets with a knowledge-base cause become labelled cases in the format of the
// evaluation set (test/cases/*.yaml: id, expect, text | texts, answers, notes); "new cause" tickets become a
// Markdown brief for knowledge-base authors, with their evidence.
import { stringify } from 'yaml';
import type { Ticket } from '../types.js';

export interface ExportedCase {
  id: string;
  expect: string;
  text?: string;
  texts?: string[];
  answers?: Record<string, string>;
  notes: string;
}

const isResolved = (t: Ticket) => t.resolution !== undefined && (t.status === 'resolved' || t.status === 'closed');

/**
 * @param lookalikeIds the knowledge base's look-alikes: a ticket resolved as one was not an identity problem, which the
 * evaluation labels "unknown" (the engine should not offer a cause for it).
 */
export function labelledCases(tickets: Ticket[], lookalikeIds: ReadonlySet<string> = new Set()): ExportedCase[] {
  return tickets
    .filter((t) => isResolved(t) && t.resolution?.causeId && t.packet.userWords.length > 0)
    .map((t) => {
      const words = t.packet.userWords;
      // Only answered questions label the case: an unanswered one has no value for the engine to use.
      const answers = Object.fromEntries(t.packet.questions.flatMap((q) => (q.value === undefined ? [] : [[q.id, q.value]])));
      const tried = t.packet.hypotheses.filter((h) => h.feedback === 'tried, did not help').map((h) => h.id);
      const causeId = t.resolution!.causeId!;
      const lookalike = lookalikeIds.has(causeId);
      return {
        id: `ticket-${t.id}`,
        expect: lookalike ? 'unknown' : causeId,
        ...(words.length === 1 ? { text: words[0] } : { texts: words }),
        ...(Object.keys(answers).length ? { answers } : {}),
        notes: [
          `From ticket #${t.id}, resolved by ${t.resolution!.by ?? 'an engineer'} on ${t.resolution!.at.slice(0, 10)}.`,
          lookalike ? `Not an identity problem: ${causeId}.` : '',
          tried.length ? `Tried first: ${tried.join(', ')}.` : '',
          t.resolution!.note ?? '',
        ]
          .filter(Boolean)
          .join(' '),
      };
    });
}

export function casesYaml(cases: ExportedCase[]): string {
  const header = '# Exported from resolved escalation tickets: review before adding to test/cases/.\n';
  return cases.length ? header + stringify(cases, { lineWidth: 0 }) : `${header}[]\n`;
}

export function newCauseTickets(tickets: Ticket[]): Ticket[] {
  return tickets.filter((t) => isResolved(t) && t.resolution?.causeId === null);
}

export function newCausesMarkdown(tickets: Ticket[]): string {
  if (tickets.length === 0) return 'No resolved ticket names a new cause.\n';
  return tickets
    .map((t) => {
      const p = t.packet;
      const lines = [
        `## Ticket #${t.id}: new cause`,
        `Resolved by ${t.resolution?.by ?? 'an engineer'} on ${t.resolution?.at.slice(0, 10)}${t.resolution?.note ? `: ${t.resolution.note}` : ''}`,
        '',
        '**User**',
        ...p.userWords.map((w) => `> ${w.replace(/\n/g, '\n> ')}`),
        '',
        `**Codes:** ${p.codes.map((c) => c.canonical).join(', ') || 'none'}`,
        `**Tried, did not help:** ${p.hypotheses.filter((h) => h.feedback === 'tried, did not help').map((h) => h.id).join(', ') || 'none'}`,
        '',
        '**Evidence**',
        ...p.files.flatMap((f) => f.evidence.slice(0, 20).map((e) => `- ${f.name}: \`${e.key}\` = \`${e.value.slice(0, 120)}\`${e.excerpt ? ` (${e.excerpt.slice(0, 160)})` : ''}`)),
        ...(p.files.length ? [] : ['- none from files']),
        ...p.questions.map((q) => `- ${q.question}: ${q.answer}`),
      ];
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
