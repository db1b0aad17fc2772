// Refuses document type declarations before any parser sees them: internal entities allow "billion laughs"
// expansion and external ones reach for files or URLs. Logs and configs never need a DTD.
import { IngestError } from '../types.js';

/** Line (1-based) of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Throws when the markup (not comments or CDATA, where "<!DOCTYPE" is just text) declares a DOCTYPE or ENTITY. */
export function assertNoDtd(file: string, text: string): void {
  let i = text.indexOf('<!');
  while (i !== -1) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return; // an unterminated comment is left to the validator to report
      i = text.indexOf('<!', end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end === -1) return;
      i = text.indexOf('<!', end + 3);
      continue;
    }
    const word = /^<!\s*([A-Za-z]+)/.exec(text.slice(i, i + 20));
    const kind = word?.[1].toUpperCase();
    if (kind === 'DOCTYPE' || kind === 'ENTITY') {
      throw new IngestError(
        file,
        `${file}: refused: the XML declares a ${kind} (line ${lineOf(text, i)}). Document type and entity ` +
          'declarations are not accepted in uploads (they can expand without limit or read other files); ' +
          'IIS traces, event-log exports and config files never contain them.',
      );
    }
    i = text.indexOf('<!', i + 2);
  }
}
