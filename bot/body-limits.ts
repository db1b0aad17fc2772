// Request body caps. Base64 costs 4 bytes per 3; 1 MB of headroom covers the JSON around the files.
import type { Config } from './config.js';

const ONE_MB = 1024 * 1024;

export function bodyLimits(config: Config): { messages: number; diagnose: number } {
  const upload = Math.ceil((config.attachments.maxBytes * 4) / 3) + ONE_MB;
  // Channels send links, not files; only the local chat client inlines uploads into the activity.
  return { messages: config.localMode ? upload : ONE_MB, diagnose: upload };
}
