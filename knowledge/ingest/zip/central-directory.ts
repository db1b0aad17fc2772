// Reads a zip's central directory (the table at its end). It, not the local headers, is authoritative for names,
// sizes and flags; we read it ourselves because fflate's streaming Unzip does not expose the encryption flag.

export interface ZipEntryInfo {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** As declared; never trusted for memory, only to refuse early. */
  declaredSize: number;
  localOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;

/** Entries of the archive, in directory order; throws ZipFormatError when there is no readable directory. */
export function readCentralDirectory(buf: Buffer): ZipEntryInfo[] {
  const eocd = findEocd(buf);
  if (eocd < 0) throw new ZipFormatError('the zip is damaged or incomplete (its table of contents is missing)');
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const z = Number(buf.readBigUInt64LE(eocd - 12));
    if (z + 56 > buf.length) throw new ZipFormatError('the zip is damaged (bad ZIP64 record)');
    count = Number(buf.readBigUInt64LE(z + 32));
    offset = Number(buf.readBigUInt64LE(z + 48));
  }
  const out: ZipEntryInfo[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('the zip is damaged (bad table of contents entry)');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let declaredSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: UTF-8 name; otherwise CP437, which latin1 approximates for the ASCII names logs have.
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
    const extra = buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    ({ compressedSize, declaredSize, localOffset } = zip64Sizes(extra, compressedSize, declaredSize, localOffset));
    out.push({ name, flags, method, compressedSize, declaredSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Start of an entry's data, after its local header. */
export function dataStart(buf: Buffer, e: ZipEntryInfo): number {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new ZipFormatError('its data is missing or damaged');
  return p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

function zip64Sizes(extra: Buffer, c: number, u: number, o: number) {
  const sizes = { compressedSize: c, declaredSize: u, localOffset: o };
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        const v = r + 8 <= q + 4 + len ? Number(extra.readBigUInt64LE(r)) : 0;
        r += 8;
        return v;
      };
      if (u === 0xffffffff) sizes.declaredSize = next();
      if (c === 0xffffffff) sizes.compressedSize = next();
      if (o === 0xffffffff) sizes.localOffset = next();
    }
    q += 4 + len;
  }
  return sizes;
}
