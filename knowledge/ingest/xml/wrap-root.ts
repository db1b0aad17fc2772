// wevtutil prints events one after another with no root element; XML needs exactly one. Wrapping keeps line
// numbers: the declaration is blanked out in place and the wrapper opens on the first line.

/** `text` inside `<name>...</name>`, its XML declaration (and BOM) replaced by spaces of the same length. */
export function wrapInRoot(text: string, name: string): string {
  const body = text.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, (decl) => ' '.repeat(decl.length));
  return `<${name}>${body}\n</${name}>`;
}
