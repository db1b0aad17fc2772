// Debian's chromium for browser tests, driven by playwright-core (which never downloads a browser of its own).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string | undefined {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** Launches with a new empty profile (playwright's launch() always uses a fresh temporary --user-data-dir). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
}
