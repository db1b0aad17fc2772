// Safe XML for untrusted uploads: decoding, DTD refusal, validation with positions, a typed element tree.
export { decodeText } from './decode-text.js';
export { assertNoDtd } from './dtd-guard.js';
export { child, childrenNamed, childText, type XmlElement } from './element.js';
export { lineIndex, type LineOf } from './line-index.js';
export {
  parseUntrustedXml,
  parseUntrustedXmlText,
  parseCheckedXmlText,
  preflightXml,
  xmlProblem,
  DEFAULT_MAX_XML_BYTES,
  DEFAULT_MAX_XML_DEPTH,
  type XmlDocument,
  type XmlParseOptions,
} from './parse-untrusted-xml.js';
export { salvageBeforeCut, type Salvaged } from './salvage.js';
export { wrapInRoot } from './wrap-root.js';
