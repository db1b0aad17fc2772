// The first few kilobytes of a file as text, whatever its encoding (UTF-8, UTF-8 with BOM, UTF-16 from PowerShell).

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export function encodingOf(head: Buffer): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  // UTF-16 without BOM: ASCII text has a zero in every other byte.
  if (head.length >= 8 && head[1] === 0 && head[3] === 0 && head[0] !== 0 && head[2] !== 0) return 'utf16le';
  return 'utf8';
}

/** Decodes a whole buffer to a string, dropping any BOM. */
export function decodeAny(data: Buffer): string {
  const enc = encodingOf(data);
  let text: string;
  if (enc === 'utf16le') text = data.toString('utf16le');
  else if (enc === 'utf16be') {
    const swapped = Buffer.from(data.subarray(0, data.length - (data.length % 2)));
    text = swapped.swap16().toString('utf16le');
  } else text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Re-encodes UTF-16 input as UTF-8 so every parser can assume UTF-8; UTF-8 input is returned as it is. */
export function toUtf8(data: Buffer): Buffer {
  return encodingOf(data) === 'utf8' ? data : Buffer.from(decodeAny(data), 'utf8');
}

/** Share of characters that are control characters or decoding failures: high for binary data. */
export function binaryShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 127) bad++;
  }
  return bad / text.length;
}
