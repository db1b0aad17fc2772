// Finds the <Event> records of an export, whichever way it was saved: wevtutil's concatenated events (no root),
// Event Viewer's <Events> root, or one <Event>; and reads System, EventData (named or positional) and UserData.
import { IngestError } from '../types.js';
import { child, childrenNamed, childText, type XmlElement } from '../xml/index.js';
import { resolveInserts } from './inserts.js';
import { positionalNames } from './positional.js';

export interface WinEvent {
  /** 1-based position in the file. */
  index: number;
  id: string;
  provider: string;
  channel: string;
  level: string;
  computer: string;
  time: string;
  /** EventData / UserData fields by name (positional inserts as Data1..., plus known names); inserts resolved. */
  fields: Record<string, string>;
  /** RenderingInfo/Message when Event Viewer saved it with display information. */
  message: string;
}

/** Every <Event> at the top, under a root (<Events>) or under a wrapper around either, in document order. */
function eventElements(top: XmlElement[], depth = 0): XmlElement[] {
  const out: XmlElement[] = [];
  for (const el of top) {
    if (el.name === 'Event') out.push(el);
    else if (depth < 2) out.push(...eventElements(el.children, depth + 1));
  }
  return out;
}

/** UserData holds one provider-specific element whose children are the fields (nested ones flattened a level). */
function userDataFields(userData: XmlElement | undefined, into: Record<string, string>): void {
  for (const wrapper of userData?.children ?? []) {
    for (const f of wrapper.children) {
      if (f.children.length === 0) into[f.name] = resolveInserts(f.text);
      else for (const g of f.children) into[`${f.name}.${g.name}`] = resolveInserts(g.text);
    }
  }
}

function readEvent(el: XmlElement, index: number): WinEvent {
  const system = child(el, 'System');
  const providerEl = child(system, 'Provider');
  const provider = providerEl?.attrs.Name || providerEl?.attrs.EventSourceName || '';
  const id = childText(system, 'EventID');
  const fields: Record<string, string> = {};
  const data = childrenNamed(child(el, 'EventData'), 'Data');
  const names = positionalNames(provider, id);
  let position = 0;
  for (const d of data) {
    const value = resolveInserts(d.text);
    if (d.attrs.Name) {
      fields[d.attrs.Name] = value;
    } else {
      fields[`Data${position + 1}`] = value;
      if (names[position]) fields[names[position]] = value;
      position++;
    }
  }
  const binary = childText(child(el, 'EventData'), 'Binary');
  if (binary) fields.Binary = binary;
  userDataFields(child(el, 'UserData'), fields);
  return {
    index,
    id,
    provider,
    channel: childText(system, 'Channel'),
    level: childText(system, 'Level'),
    computer: childText(system, 'Computer'),
    time: child(system, 'TimeCreated')?.attrs.SystemTime ?? '',
    fields,
    message: childText(child(el, 'RenderingInfo'), 'Message'),
  };
}

/** The events of a parsed export; throws when there are none. */
export function readEvents(file: string, top: XmlElement[]): WinEvent[] {
  const els = eventElements(top);
  if (els.length === 0) {
    const first = top[0]?.children[0]?.name;
    const what = first ? `first element <${first}>` : 'no XML elements in it';
    throw new IngestError(
      file,
      `${file}: no <Event> records found (${what}); expected wevtutil or Event Viewer XML.`,
    );
  }
  return els.map((e, i) => readEvent(e, i + 1));
}
