// Which entry names are safe to read and which are noise. A name is only ever used as a label, but "../" and
// absolute paths are refused anyway: they are how zip-slip attacks look, and the user should hear about it.

/** Why an entry name is refused, or null when it is fine. */
export function unsafeName(name: string): string | null {
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[A-Za-z]:/.test(n)) return 'has an absolute path';
  if (n.split('/').some((part) => part === '..')) return 'climbs out of the archive ("../")';
  if (/[\0]/.test(n)) return 'has a control character in its name';
  return null;
}

/** Directories, the FREB stylesheet and OS clutter: skipped without a word. */
export function isQuietSkip(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  const base = n.slice(n.lastIndexOf('/') + 1).toLowerCase();
  return n.endsWith('/') || base === 'freb.xsl' || base === '.ds_store' || base === 'thumbs.db' || n.startsWith('__MACOSX/');
}

export function normalizeName(name: string): string {
  return name.replace(/\\/g, '/');
}
