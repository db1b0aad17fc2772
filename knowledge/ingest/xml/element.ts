// A small typed element tree built from fast-xml-parser's ordered output, so the format parsers never touch `any`.

export interface XmlElement {
  /** Local name (namespace prefixes removed: "freb:Description" -> "Description"). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (child elements' text excluded), entities decoded, trimmed. */
  text: string;
  /** Character offset of the start tag in the decoded text (for line numbers). */
  offset: number;
}

/** First child element called `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every child element called `name`, in document order. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Text of the child element `name`, or "" when absent. */
export function childText(el: XmlElement | undefined, name: string): string {
  return child(el, name)?.text ?? '';
}
