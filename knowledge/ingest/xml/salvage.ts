// Rescues the complete events of a file that was cut off mid-event (a copy interrupted, an upload truncated):
// everything up to the last "</Event>" is kept and the open root is closed again.

export interface Salvaged {
  text: string;
  /** How many characters were dropped from the end. */
  droppedChars: number;
}

/** The text up to the last complete `</${elementName}>`, plus `</${rootName}>` when the root was open; null if none. */
export function salvageBeforeCut(text: string, elementName: string, rootName?: string): Salvaged | null {
  const close = `</${elementName}>`;
  const at = text.lastIndexOf(close);
  if (at === -1) return null;
  const keep = text.slice(0, at + close.length);
  const rootOpen =
    rootName !== undefined && new RegExp(`<${rootName}[\\s>]`).test(keep) && !keep.includes(`</${rootName}>`);
  return { text: rootOpen ? `${keep}\n</${rootName}>` : keep, droppedChars: text.length - keep.length };
}
