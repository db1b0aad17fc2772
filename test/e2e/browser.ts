// Debian's chromium for browser tests, driven by playwright-core (which never downloads a browser of its own).
import { existsSync, mkdirSync } from 'node:fs';
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

/**
 * Chromium for a suite's before-hook: under CI (.ci/run installs Debian's chromium) a missing browser is a failure;
 * on a developer machine without it the suite is skipped, saying why. Creates the screenshots folder too.
 */
export async function browserForSuite(context: Mocha.Context, artifactsDir: string): Promise<Browser> {
  const executable = chromiumPath();
  if (!executable) {
    if (process.env.CI) throw new Error('chromium is not installed: apt-get install -y chromium');
    console.warn('    chromium is not installed (/usr/bin/chromium): skipping the browser tests');
    context.skip();
  }
  mkdirSync(artifactsDir, { recursive: true });
  return launchChromium(executable as string);
}
