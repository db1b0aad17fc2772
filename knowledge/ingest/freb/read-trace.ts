// Reads the <failedRequest> root and its <Event> elements into plain records keyed the way FREB names things.
import { IngestError } from '../types.js';
import { child, childrenNamed, childText, type XmlDocument, type XmlElement } from '../xml/index.js';

export interface FrebEvent {
  /** 1-based position in the trace. */
  index: number;
  /** RenderingInfo/Opcode ("MODULE_SET_RESPONSE_ERROR_STATUS"); System/Opcode is only unique within an area. */
  name: string;
  provider: string;
  level: number;
  /** Milliseconds since the epoch, NaN when TimeCreated is missing or unreadable. */
  timeMs: number;
  data: Record<string, string>;
  /** freb:Description values by their Data attribute ("Notification" -> "MAP_REQUEST_HANDLER"). */
  descriptions: Record<string, string>;
}

export interface FrebTrace {
  root: Record<string, string>;
  events: FrebEvent[];
}

function readEvent(el: XmlElement, index: number): FrebEvent {
  const system = child(el, 'System');
  const rendering = child(el, 'RenderingInfo');
  const data: Record<string, string> = {};
  childrenNamed(child(el, 'EventData'), 'Data').forEach((d, i) => {
    data[d.attrs.Name ?? `Data${i + 1}`] = d.text;
  });
  const descriptions: Record<string, string> = {};
  for (const d of childrenNamed(rendering, 'Description'))
    if (d.attrs.Data) descriptions[d.attrs.Data] = d.text;
  const provider = child(system, 'Provider')?.attrs.Name ?? '';
  const name = childText(rendering, 'Opcode') || `${provider}:${childText(system, 'Opcode')}`;
  const time = child(system, 'TimeCreated')?.attrs.SystemTime;
  return {
    index,
    name,
    provider,
    level: Number(childText(system, 'Level') || NaN),
    timeMs: time ? Date.parse(time) : NaN,
    data,
    descriptions,
  };
}

/** The trace inside a parsed document; throws when the root is not <failedRequest>. */
export function readTrace(file: string, doc: XmlDocument): FrebTrace {
  const root = doc.elements.find((e) => e.name === 'failedRequest');
  if (!root) {
    const got = doc.elements[0]?.name ?? 'nothing';
    throw new IngestError(
      file,
      `${file}: not a Failed Request Tracing file (root element is <${got}>, not <failedRequest>).`,
    );
  }
  const events = childrenNamed(root, 'Event').map((e, i) => readEvent(e, i + 1));
  return { root: root.attrs, events };
}
