import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package `chromium` (with `fonts-noto-cjk`, or Chinese renders as boxes). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const browserAvailable = existsSync(CHROMIUM_PATH);

/**
 * Journeys are skipped on machines without Chromium, unless REQUIRE_BROWSER=1 (CI), where a
 * missing browser must fail rather than pass silently.
 */
export const browserRequired = process.env.REQUIRE_BROWSER === '1';
export const skipJourneys = !browserAvailable && !browserRequired;

if (skipJourneys) {
  console.warn(
    `[e2e] Browser journeys skipped: ${CHROMIUM_PATH} is not installed ` +
      '(apt-get install -y chromium fonts-noto-cjk). Set REQUIRE_BROWSER=1 to make this a failure.',
  );
}

export async function launchBrowser(): Promise<Browser> {
  if (!browserAvailable) {
    throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} is missing: apt-get install -y chromium fonts-noto-cjk`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
