// Page-object methods are boxed steps (a failure points at the test line, not inside the page
// object), and each leaves a screenshot of the page as evidence, card fields masked.
import { test, type Page } from '@playwright/test';

export async function checkoutStep<T>(page: Page, title: string, body: () => Promise<T>): Promise<T> {
  return test.step(
    title,
    async () => {
      const result = await body();
      await attachScreenshot(page, title);
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
