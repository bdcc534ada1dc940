// What both browser scripts share: their settings, which the end-to-end test that runs them puts in the environment
// (tests/Scheduler.EndToEnd.Tests/Pages), and Debian's chromium driven by the pinned playwright-core that
// scripts/lib/browser.sh installs.
import { createRequire } from 'node:module';
import path from 'node:path';

/** The environment variable's value; throws when it is not set (the script was run by hand). */
export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this file through its test in tests/Scheduler.EndToEnd.Tests/Pages`);
  return value;
};

/** The server's address, without a trailing slash. */
export const serverUrl = () => env('TUNER_URL').replace(/\/$/, '');

/** Starts chromium (TUNER_CHROMIUM, or Debian's) through playwright-core (under TUNER_BROWSER_TOOLS). */
export function launchChromium() {
  const { chromium } = createRequire(path.join(env('TUNER_BROWSER_TOOLS'), 'package.json'))('playwright-core');
  return chromium.launch({ executablePath: process.env.TUNER_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}
