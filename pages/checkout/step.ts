// Page-object methods are boxed steps (a failure points at the test line, not inside the page
// object), and each leaves a screenshot of the page as evidence, card fields masked.
import { test, type Page } from '@playwright/test';

/** Pages whose steps leave no screenshot (a payment that is only a case's precondition); see fixtures/checkout.ts. */
const withoutStepScreenshots = new WeakSet<Page>();

export function setStepScreenshots(page: Page, on: boolean): void {
  if (on) withoutStepScreenshots.delete(page);
  else withoutStepScreenshots.add(page);
}

export async function checkoutStep<T>(page: Page, title: string, body: () => Promise<T>): Promise<T> {
  return test.step(
    title,
    async () => {
      const result = await body();
      if (!withoutStepScreenshots.has(page)) await attachScreenshot(page, title);
      return result;
    },
    { box: true },
  );
}

/** A screenshot of the page with every card-field iframe masked. */
export async function attachScreenshot(page: Page, title: string): Promise<void> {
  if (page.isClosed()) return;
  const image = await page.screenshot({ fullPage: true, mask: [page.locator('iframe[id^="frame_"]')], animations: 'disabled' });
  await test.info().attach(`screenshot: ${title}`, { body: image, contentType: 'image/png' });
}
