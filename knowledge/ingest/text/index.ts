// Plain text, pasted errors and ASP.NET error pages.
export { parseText, MAX_TEXT_CHARS } from './parse-text.js';
export { htmlToText, looksLikeHtml, decodeEntities } from './html.js';
export { readToolOutput, withoutToolRows, type ToolFact } from './tools/index.js';
