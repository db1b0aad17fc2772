// parseEventLogXml: wevtutil /f:xml output, Event Viewer "Save as XML" or one <Event> -> evidence per event.
// A file cut off mid-event keeps the complete events before the cut and says so (fact eventlog.truncated).
import type { Evidence } from '../../types.js';
import { IngestError, type ParsedFile } from '../types.js';
import { mergeCounts, redactText } from '../redact/index.js';
import {
  decodeText,
  DEFAULT_MAX_XML_BYTES,
  parseUntrustedXmlText,
  preflightXml,
  salvageBeforeCut,
  wrapInRoot,
  xmlProblem,
  type XmlDocument,
} from '../xml/index.js';
import { eventEvidence } from './evidence.js';
import { readEvents, type WinEvent } from './read-events.js';
import { representativeEvents, summarisedNote, withRepeats } from './representative.js';

export interface EventLogParseOptions {
  maxBytes?: number;
  /** Longest redactedText kept, in characters (default 2,000,000). */
  maxRedactedChars?: number;
}

const DEFAULT_REDACTED_CHARS = 2_000_000;

const WRAPPER = 'EventLogExport';

/** Parses the export inside a wrapper root; a cut-off file keeps its complete events. */
function readDocument(file: string, text: string): { doc: XmlDocument; cut: boolean } {
  preflightXml(file, text);
  const wrapped = wrapInRoot(text, WRAPPER);
  const problem = xmlProblem(file, wrapped);
  if (problem === null) return { doc: parseUntrustedXmlText(file, wrapped), cut: false };
  const salvaged = salvageBeforeCut(text, 'Event', 'Events');
  if (!salvaged || salvaged.droppedChars === 0) throw new IngestError(file, problem);
  const rewrapped = wrapInRoot(salvaged.text, WRAPPER);
  if (xmlProblem(file, rewrapped) !== null) throw new IngestError(file, problem);
  return { doc: parseUntrustedXmlText(file, rewrapped), cut: true };
}

function summaryOf(events: WinEvent[], cut: boolean): string {
  const counts = new Map<string, number>();
  for (const e of events) {
    const k = `${e.channel || e.provider} ${e.id}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const parts = [...counts.entries()].slice(0, 8).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
  const more = counts.size > 8 ? ', ...' : '';
  const noun = events.length === 1 ? 'event' : 'events';
  return `Event log: ${events.length} ${noun} (${parts.join(', ')}${more})${cut ? ' (partial: the file ends mid-event)' : ''}`;
}

/** Parses an event-log XML export. Throws IngestError (naming the file) when nothing usable is in it. */
export function parseEventLogXml(file: string, data: Buffer, opts: EventLogParseOptions = {}): ParsedFile {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  if (data.length > maxBytes)
    throw new IngestError(
      file,
      `${file}: ${data.length} bytes is over the ${maxBytes}-byte limit for event-log files.`,
    );
  const text = decodeText(data);
  const { doc, cut } = readDocument(file, text);
  const events = readEvents(file, doc.elements);
  const { kept, dropped, counts } = representativeEvents(events);
  const evidence: Evidence[] = kept.flatMap((e, i) => withRepeats(eventEvidence(file, e), counts[i]));
  if (dropped > 0) evidence.push(summarisedNote(file, events.length, kept.length, dropped));
  if (cut) {
    evidence.push({
      kind: 'fact',
      key: 'eventlog.truncated',
      value: 'true',
      source: { file, event: events.length },
      excerpt: `the file ends in the middle of event ${events.length + 1}; events 1-${events.length} were read`,
    });
  }
  const redacted = redactText(text);
  const max = opts.maxRedactedChars ?? DEFAULT_REDACTED_CHARS;
  return {
    format: 'eventlog-xml',
    evidence,
    summary: redactText(summaryOf(events, cut)).text,
    redactedText:
      redacted.text.length > max
        ? `${redacted.text.slice(0, max)}\n[... ${redacted.text.length - max} more characters not kept]`
        : redacted.text,
    redactions: mergeCounts({}, redacted.counts),
  };
}
