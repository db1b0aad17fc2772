// The one door for XML from users: size cap, encoding, DTD refusal, validation with line/column, depth cap.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IngestError } from '../types.js';
import { decodeText } from './decode-text.js';
import { assertNoDtd } from './dtd-guard.js';
import type { XmlElement } from './element.js';
import { toTree } from './to-tree.js';

export interface XmlParseOptions {
  /** Largest accepted input in bytes (default 50 MB). */
  maxBytes?: number;
  /** Deepest accepted element nesting (default 64; traces and configs need about 12). */
  maxDepth?: number;
}

export interface XmlDocument {
  /** The decoded text (BOM removed): offsets in the elements point into it. */
  text: string;
  /** Top-level elements in order (several when events are concatenated without a root). */
  elements: XmlElement[];
}

export const DEFAULT_MAX_XML_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_XML_DEPTH = 64;

interface ValidationError {
  err: { code?: string; msg?: string; line?: number; col?: number };
}

function validationMessage(file: string, result: ValidationError): string {
  const { msg, line, col } = result.err;
  const where = line ? ` at line ${line}${col ? `, column ${col}` : ''}` : '';
  return `${file}: not well-formed XML${where}: ${msg ?? 'unknown error'}`;
}

/** Checks well-formedness without building anything; returns a message naming the problem, or null when fine. */
export function xmlProblem(file: string, text: string): string | null {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false }) as true | ValidationError;
  return result === true ? null : validationMessage(file, result);
}

/** Checks that come before any parsing: empty, binary, DTD. Throws IngestError. */
export function preflightXml(file: string, text: string): void {
  if (text.trim() === '') throw new IngestError(file, `${file}: the file is empty.`);
  if (text.includes('\u0000')) {
    throw new IngestError(file, `${file}: not a text XML file (it contains binary zero bytes).`);
  }
  assertNoDtd(file, text);
}

/** Parses already-decoded text (the caller checked the size). Throws IngestError naming the file and problem. */
export function parseUntrustedXmlText(file: string, text: string, opts: XmlParseOptions = {}): XmlDocument {
  preflightXml(file, text);
  const problem = xmlProblem(file, text);
  if (problem) throw new IngestError(file, problem);
  return parseCheckedXmlText(file, text, opts);
}

// One parser per depth cap, reused: a zip of thousands of traces need not build the same options each time.
const parsers = new Map<number, XMLParser>();

function parserFor(maxDepth: number): XMLParser {
  let parser = parsers.get(maxDepth);
  if (!parser) {
    parser = new XMLParser({
      preserveOrder: true,
      captureMetaData: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      // Only the predefined entities and character references; DOCTYPE entities were refused by preflightXml.
      processEntities: true,
      htmlEntities: true,
      maxNestedTags: maxDepth,
    });
    parsers.set(maxDepth, parser);
  }
  return parser;
}

/**
 * The parse step of parseUntrustedXmlText alone, for callers that have already run preflightXml and xmlProblem
 * on this exact text (validation is a full pass of its own; a trace should not pay for it twice).
 */
export function parseCheckedXmlText(file: string, text: string, opts: XmlParseOptions = {}): XmlDocument {
  const parser = parserFor(opts.maxDepth ?? DEFAULT_MAX_XML_DEPTH);
  let ordered: unknown;
  try {
    ordered = parser.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new IngestError(file, `${file}: could not parse the XML: ${why}`);
  }
  const elements = toTree(ordered);
  if (elements.length === 0) throw new IngestError(file, `${file}: no XML element found.`);
  return { text, elements };
}

/** Decodes and parses an uploaded XML file safely. Throws IngestError naming the file and the problem. */
export function parseUntrustedXml(file: string, data: Buffer, opts: XmlParseOptions = {}): XmlDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  if (data.length > maxBytes) {
    throw new IngestError(
      file,
      `${file}: ${data.length} bytes is over the ${maxBytes}-byte limit for XML files.`,
    );
  }
  return parseUntrustedXmlText(file, decodeText(data), opts);
}
