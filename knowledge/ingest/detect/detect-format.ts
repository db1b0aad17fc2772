// Tells formats apart by their content, never by file name: users rename files, and zips hold anything.
import type { DetectedFormat } from '../types.js';
import { binaryShare, decodeAny } from './text-head.js';
import { isConfigFragmentRoot } from '../config/fragment.js';

/** Bytes of a file's head that detection needs. */
export const DETECT_BYTES = 16 * 1024;

export interface Detection {
  format: DetectedFormat;
  /** Why the file cannot be read, when format is "unknown" (without the file name). */
  problem?: string;
}

const EVENT_NS = 'schemas.microsoft.com/win/2004/08/events/event';

// Binary formats users upload by mistake, named so the answer can say what to send instead.
const MAGIC: [string, string][] = [
  ['ElfFile\0', 'a binary .evtx event log; export it as XML instead (wevtutil qe Security /f:xml, or Event Viewer "Save as XML")'],
  ['MDMP', 'a memory dump (.dmp); open it in WinDbg, run !analyze -v and paste the output (a crash dump means the process crashed)'],
  ['MZ', 'a Windows program or DLL'],
  ['%PDF', 'a PDF document'],
  ['\x89PNG', 'a PNG image'],
  ['\xff\xd8\xff', 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  ['\xd0\xcf\x11\xe0', 'an Office document'],
  ['\x1f\x8b', 'a gzip archive; send a .zip instead'],
  ['7z\xbc\xaf', 'a 7-Zip archive; send a .zip instead'],
  ['Rar!', 'a RAR archive; send a .zip instead'],
  ['MSCF', 'a .cab archive; send a .zip instead'],
];

/** Detects the format of a file from its first bytes (at least DETECT_BYTES when the file is that long). */
export function detectFormat(head: Buffer): Detection {
  if (head.length === 0) return { format: 'unknown', problem: 'is empty' };
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return { format: 'zip' };
  for (const [magic, what] of MAGIC) {
    if (head.subarray(0, magic.length).equals(Buffer.from(magic, 'latin1'))) return { format: 'unknown', problem: `not a format I can read (${what})` };
  }
  const text = decodeAny(head.subarray(0, DETECT_BYTES));
  const share = binaryShare(text);
  if (share > 0.05) return { format: 'unknown', problem: `not a format I can read (binary data, starts with ${hex(head)})` };
  const t = text.trimStart();
  if (t.length === 0) return { format: 'unknown', problem: 'is empty (only blank lines)' };
  if (t.startsWith('<')) return { format: xmlFormat(t) };
  if (t.startsWith('#')) {
    const w = logFormat(t);
    if (w) return { format: w };
  }
  if ((t.startsWith('{') || t.startsWith('[')) && /"log"\s*:/.test(t) && /"entries"\s*:/.test(text)) return { format: 'har' };
  if (t.startsWith('{') && /"log"\s*:\s*\{/.test(t.slice(0, 200))) return { format: 'har' };
  return { format: 'text' };
}

/** W3C or HTTPERR from the header directives. */
function logFormat(t: string): DetectedFormat | null {
  const lines = t.split(/\r?\n/, 40);
  for (const line of lines) {
    if (/^#Software:\s*Microsoft HTTP API/i.test(line)) return 'httperr';
    if (/^#Software:\s*Microsoft Internet Information Services/i.test(line)) return 'w3c';
    if (/^#Fields:/i.test(line)) {
      if (/\bs-reason\b/i.test(line)) return 'httperr';
      if (/\bcs-uri-stem\b|\bsc-status\b/i.test(line)) return 'w3c';
    }
  }
  return null;
}

/** FREB, event log, config or (for HTML error pages and other XML) plain text, from the root element. */
function xmlFormat(t: string): DetectedFormat {
  // Skip the prolog: declaration, processing instructions, comments, doctype.
  const root = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*<([A-Za-z_][\w:.-]*)([^>]*)>?/i.exec(t);
  const name = root?.[1].replace(/^.*:/, '') ?? '';
  const attrs = root?.[2] ?? '';
  if (name === 'failedRequest') return 'freb';
  if ((name === 'Event' || name === 'Events') && (attrs.includes(EVENT_NS) || t.slice(0, 4096).includes(EVENT_NS))) return 'eventlog-xml';
  if (name === 'Events' && /<Event[\s>]/.test(t)) return 'eventlog-xml';
  if (name === 'configuration' || isConfigFragmentRoot(name, t)) return 'config';
  return 'text';
}

function hex(b: Buffer): string {
  return [...b.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}
