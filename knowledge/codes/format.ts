// formatDecoded: the multi-line text `cli explain <code>` prints.
import type { DecodedCode } from '../types.js';
import { knownByCanonical } from './tables.js';

export function formatDecoded(d: DecodedCode): string {
  const lines = [`${d.canonical}  ${d.name}${suffix(d)}`, `  ${d.message}`];
  for (const detail of d.details) lines.push(`  ${detail}`);
  if (d.equivalents.length > 0) {
    const same = d.equivalents.map((c) => {
      const known = knownByCanonical(c);
      return known ? `${c} ${known.name}` : c;
    });
    lines.push(`  Same condition: ${same.join(', ')}`);
  }
  return lines.join('\n');
}

function suffix(d: DecodedCode): string {
  if (d.family === 'win32' && /^0x8007[0-9A-F]{4}$/.test(d.canonical)) {
    return ` (Win32 ${parseInt(d.canonical.slice(6), 16)})`;
  }
  if (d.family === 'kerberos') return ` (Kerberos ${parseInt(d.canonical.slice(6), 16)})`;
  if (d.family === 'ntstatus') return ' (NTSTATUS)';
  if (d.family === 'sspi') return ' (SSPI)';
  return '';
}
