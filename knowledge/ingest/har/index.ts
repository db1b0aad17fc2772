// HAR 1.2 browser exports.
export { parseHar } from './parse-har.js';
export { redactHar } from './redact-har.js';
