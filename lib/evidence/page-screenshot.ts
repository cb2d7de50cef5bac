// The screenshot a Checkout step leaves as evidence, taken within a deadline. A screenshot is evidence of a step,
// not the step: when the page cannot be drawn in time (a renderer stuck on a frame, a navigation that never
// settles) the step says so in a note and the case goes on to be judged on what the platform did. Without the
// deadline the case hung until its 5-minute timeout and was reported as an environment problem (CI, PAY-10).
import type { Page } from '@playwright/test';

/** Far above the second a screenshot takes, even on a loaded machine. */
export const SCREENSHOT_DEADLINE_MS = 15_000;

export type PageScreenshot = { image: Buffer } | { missing: string };

/**
 * The page as it is once it settles, card-field iframes masked. A step whose action sends the page on
 * (Pay → the 3-D Secure page, which sends the window on to the outcome) is shot after the navigation.
 * Answers `undefined` for a closed page.
 */
export async function pageScreenshot(page: Page, deadlineMs = SCREENSHOT_DEADLINE_MS): Promise<PageScreenshot | undefined> {
  const deadline = Date.now() + deadlineMs;
  const left = () => Math.max(1, deadline - Date.now());
  for (;;) {
    if (page.isClosed()) return undefined;
    try {
      const image = await page.screenshot({
        fullPage: true,
        mask: [page.locator('iframe[id^="frame_"]')],
        animations: 'disabled',
        timeout: left(),
      });
      return { image };
    } catch (error) {
      const message = firstLine(error);
      if (page.isClosed()) return undefined;
      if (Date.now() >= deadline || !/Execution context was destroyed|navigat/i.test(message)) return { missing: message };
      await page.waitForLoadState('load', { timeout: left() }).catch(() => undefined);
    }
  }
}

/** The note that stands for a screenshot that could not be taken. */
export function missingScreenshotNote(missing: string): string {
  return `screenshot not taken: ${missing}`;
}

function firstLine(error: unknown): string {
  return ((error as Error)?.message ?? String(error)).split('\n')[0]!.trim();
}
