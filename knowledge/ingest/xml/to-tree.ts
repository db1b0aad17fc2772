// Converts fast-xml-parser's preserveOrder output (arrays of { tag: [...], ":@": attrs } and { "#text": ... })
// into XmlElement trees. Depth is already capped by the parser's maxNestedTags, so recursion is bounded.
import { XMLParser } from 'fast-xml-parser';
import type { XmlElement } from './element.js';

type OrderedNode = Record<string, unknown>;

// Typed as the Symbol wrapper object upstream; at run time it is a plain symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

function offsetOf(node: OrderedNode): number {
  const meta = (node as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined;
  return typeof meta?.startIndex === 'number' ? meta.startIndex : 0;
}

function attrsOf(node: OrderedNode): Record<string, string> {
  const raw = node[':@'];
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>))
      out[k] = v === undefined || v === null ? '' : String(v);
  }
  return out;
}

function toElement(name: string, node: OrderedNode): XmlElement {
  const el: XmlElement = { name, attrs: attrsOf(node), children: [], text: '', offset: offsetOf(node) };
  const body = node[name];
  const texts: string[] = [];
  if (Array.isArray(body)) {
    for (const item of body as OrderedNode[]) {
      const converted = convertNode(item);
      if (typeof converted === 'string') texts.push(converted);
      else if (converted) el.children.push(converted);
    }
  }
  el.text = texts.join('').trim();
  return el;
}

/** A text node becomes its string, an element its XmlElement; declarations and processing instructions vanish. */
function convertNode(node: OrderedNode): XmlElement | string | undefined {
  for (const key of Object.keys(node)) {
    if (key === ':@') continue;
    if (key === '#text') return String(node[key] ?? '');
    if (key.startsWith('?')) return undefined;
    return toElement(key, node);
  }
  return undefined;
}

/** The top-level elements of a document (several for wevtutil output, which has no root element). */
export function toTree(ordered: unknown): XmlElement[] {
  if (!Array.isArray(ordered)) return [];
  const out: XmlElement[] = [];
  for (const node of ordered as OrderedNode[]) {
    const converted = convertNode(node);
    if (converted && typeof converted !== 'string') out.push(converted);
  }
  return out;
}
