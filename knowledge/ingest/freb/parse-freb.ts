// parseFreb: one IIS Failed Request Tracing file (frNNNNNN.xml) -> evidence, summary, timeline, redacted text.
// A file cut off mid-event (interrupted copy) still yields the events before the cut, flagged freb.truncated with
// cause "file-cut": partial evidence (the error status usually comes early) beats none.
import { IngestError, type ParsedFile } from '../types.js';
import { mergeCounts, redactText } from '../redact/index.js';
import {
  decodeText,
  DEFAULT_MAX_XML_BYTES,
  parseCheckedXmlText,
  preflightXml,
  salvageBeforeCut,
  xmlProblem,
  type XmlDocument,
} from '../xml/index.js';
import { frebEvidence, canonicalErrorCode } from './evidence.js';
import { readFacts, type FrebFacts } from './facts.js';
import { urlPath } from './names.js';
import { readTrace } from './read-trace.js';
import { buildTimeline } from './timeline.js';

export interface FrebParseOptions {
  maxBytes?: number;
  /** Longest redactedText kept, in characters (default 2,000,000). */
  maxRedactedChars?: number;
}

const DEFAULT_REDACTED_CHARS = 2_000_000;

// Each check runs once per text: preflight and validation here, then the parse alone (parseCheckedXmlText).
function readDocument(file: string, text: string): { doc: XmlDocument; cut: boolean } {
  preflightXml(file, text);
  const problem = xmlProblem(file, text);
  if (problem === null) return { doc: parseCheckedXmlText(file, text), cut: false };
  if (text.includes('</failedRequest>')) throw new IngestError(file, problem);
  const salvaged = salvageBeforeCut(text, 'Event', 'failedRequest');
  if (!salvaged || xmlProblem(file, salvaged.text) !== null) {
    throw new IngestError(
      file,
      `${problem}${/<failedRequest[\s>]/.test(text) ? ' (the trace seems cut off before its first complete event)' : ''}`,
    );
  }
  // The salvaged text is a prefix of a text that passed preflightXml, closed by "</failedRequest>": it passes too.
  return { doc: parseCheckedXmlText(file, salvaged.text), cut: true };
}

function summaryOf(root: Record<string, string>, facts: FrebFacts, cutAfter?: number): string {
  const path = urlPath(root.url ?? facts.requestStart?.data.RequestURL ?? '');
  let s = `FREB trace: ${root.verb ?? facts.requestStart?.data.RequestVerb ?? ''} ${path} -> ${facts.status || 'unknown status'}`;
  const err = facts.firstError;
  if (err) {
    const code = canonicalErrorCode(err.errorCode);
    s += code ? `, ErrorCode ${code} set by ${err.module}` : `, set by ${err.module}`;
  }
  if (cutAfter !== undefined) s += ` (partial: the file ends mid-event after event ${cutAfter})`;
  else if (facts.truncateEvent) s += ' (IIS truncated the trace)';
  return redactText(s).text;
}

function capText(text: string, max: number): string {
  return text.length > max
    ? `${text.slice(0, max)}\n[... ${text.length - max} more characters not kept]`
    : text;
}

/** Parses one FREB file. Throws IngestError (naming the file) when it is not a usable trace. */
export function parseFreb(file: string, data: Buffer, opts: FrebParseOptions = {}): ParsedFile {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  if (data.length > maxBytes)
    throw new IngestError(
      file,
      `${file}: ${data.length} bytes is over the ${maxBytes}-byte limit for trace files.`,
    );
  const text = decodeText(data);
  const { doc, cut } = readDocument(file, text);
  const trace = readTrace(file, doc);
  const facts = readFacts(trace);
  const cutAfter = cut ? trace.events.length : undefined;
  const redacted = redactText(text);
  return {
    format: 'freb',
    evidence: frebEvidence(file, trace.root, facts, cutAfter),
    summary: summaryOf(trace.root, facts, cutAfter),
    redactedText: capText(redacted.text, opts.maxRedactedChars ?? DEFAULT_REDACTED_CHARS),
    redactions: mergeCounts({}, redacted.counts),
    timeline: buildTimeline(file, trace, facts),
  };
}
