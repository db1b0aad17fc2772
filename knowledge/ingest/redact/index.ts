// Redaction: the one place that knows what a secret looks like.
export { redactText, type RedactedText } from './redact-text.js';
export { REDACTED, bump, mergeCounts } from './placeholder.js';
export { isSensitiveHeader, isSecretParam, redactHeaderValue, redactUrl } from './headers.js';
export { authorizationScheme, offeredSchemes, type AuthorizationScheme } from './auth-scheme.js';
export { looksLikeToken } from './rules.js';
