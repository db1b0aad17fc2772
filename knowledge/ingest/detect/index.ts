// Content-based format detection.
export { detectFormat, DETECT_BYTES, type Detection } from './detect-format.js';
export { decodeAny, toUtf8, encodingOf, binaryShare, type TextEncoding } from './text-head.js';
export { peekStream, collectCapped, type Peeked } from './read-head.js';
