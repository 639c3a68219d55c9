// Hooks and waits that every journey file shares.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

/**
 * Chromium for the tests of one file: launched before them, then `openPages` opens the pages they share; closed after
 * them. Returns the browser for hooks of the file that open pages of their own.
 */
export function useBrowser(openPages: (browser: Browser) => Promise<void> = async () => undefined): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    await openPages(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is launched in beforeAll; use it from a hook or a test.');
    return browser;
  };
}

/** Checks `condition` until it holds (polling every 250 ms), or fails after `timeoutMs` with `what`. */
export async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
