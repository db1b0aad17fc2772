// IIS / ASP.NET configuration files -> config evidence (keys of knowledge/FACTS.md) with secrets redacted.
export { parseConfig, type ConfigParseOptions } from './parse-config.js';
export { redactConfigText } from './redact-config-text.js';
export {
  judgeAttribute,
  looksSecretKey,
  redactConnectionString,
  usesIntegratedSecurity,
  isEncryptedValue,
} from './secrets.js';
export { configRole, type ConfigRole } from './rules.js';
