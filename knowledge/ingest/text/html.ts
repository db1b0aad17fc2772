// ASP.NET error pages (the "yellow screen of death") arrive as HTML: reduce them to their text, one block per line,
// so codes, exception names and the error message can be read and cited by line.

const BLOCK_TAGS = /<\/?(?:br|p|div|tr|li|h[1-6]|pre|table|title|code|b|font|hr|fieldset|legend)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** True when the text looks like an HTML page rather than plain text containing a tag or two. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head);
}

/** Decodes the character references an error page uses. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, name: string) => {
    if (name[0] === '#') {
      const n = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/** The visible text of an HTML page: scripts, styles and comments dropped, block tags become line breaks. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      // Table cells stay apart (a gpresult report's "policy, setting, winning GPO" row is one line of three cells).
      .replace(/<\/t[dh]\s*>/gi, '\t')
      .replace(BLOCK_TAGS, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/ *\t[ \t]*/g, '\t').replace(/ {2,}/g, ' ').trimEnd())
    .filter((l, i, all) => l.trim() !== '' || (i > 0 && all[i - 1].trim() !== ''))
    .join('\n');
}
