// IIS W3C extended logs.
export { parseW3cStream, parseW3c, type ProgressFn } from './parse-w3c.js';
export { forEachLine, oneChunk, MAX_LINE_CHARS } from './lines.js';
export { FieldMap, decodeValue, directive } from './fields.js';
export { BoundedMap } from './bounded-map.js';
export { isIndexPage, isStaticFile, isLoopback } from './url-kind.js';
