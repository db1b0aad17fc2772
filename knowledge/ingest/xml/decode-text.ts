// Turns the bytes of an uploaded XML/config file into text. wevtutil and Event Viewer often save UTF-16, IIS and
// editors UTF-8 (with or without BOM); the byte-order mark (or the first "<") tells which.

/** Swaps each byte pair so UTF-16 BE can go through the (always available) UTF-16 LE decoder. */
function swapPairs(data: Buffer): Buffer {
  const out = Buffer.alloc(data.length - (data.length % 2));
  for (let i = 0; i + 1 < data.length; i += 2) {
    out[i] = data[i + 1];
    out[i + 1] = data[i];
  }
  return out;
}

/** Decodes UTF-8 (BOM optional) and UTF-16 LE/BE (BOM, or "<" as the first character); drops the BOM. */
export function decodeText(data: Buffer): string {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    return data.subarray(3).toString('utf8');
  }
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff)
    return swapPairs(data.subarray(2)).toString('utf16le');
  // No BOM: a UTF-16 file still starts with "<" followed or preceded by a zero byte.
  if (data.length >= 2 && data[0] === 0x3c && data[1] === 0x00) return data.toString('utf16le');
  if (data.length >= 2 && data[0] === 0x00 && data[1] === 0x3c) return swapPairs(data).toString('utf16le');
  return data.toString('utf8');
}
