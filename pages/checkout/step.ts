// Page-object methods are boxed steps (a failure points at the test line, not inside the page
// object), and each leaves a screenshot of the page as evidence, card fields masked.
import { createHash } from 'node:crypto';
import { test, type Page } from '@playwright/test';
import { missingScreenshotNote, pageScreenshot } from '../../lib/evidence/page-screenshot.ts';

/** Pages whose steps leave no screenshot (a payment that is only a case's precondition); see fixtures/checkout.ts. */
const withoutStepScreenshots = new WeakSet<Page>();

export function setStepScreenshots(page: Page, on: boolean): void {
  if (on) withoutStepScreenshots.delete(page);
  else withoutStepScreenshots.add(page);
}

/**
 * A boxed step that leaves a screenshot, unless `screenshot: false`: a page that shows nothing of the case (the home
 * page, the empty notice form) is the same in every case, and its screenshots would only weigh on the report.
 */
export async function checkoutStep<T>(page: Page, title: string, body: () => Promise<T>, options: { screenshot?: boolean } = {}): Promise<T> {
  return test.step(
    title,
    async () => {
      const result = await body();
      if (options.screenshot !== false && !withoutStepScreenshots.has(page)) await attachStepScreenshot(page, title);
      return result;
    },
    { box: true },
  );
}

/** The last step screenshot of each page: a step that leaves the page as it was names it instead of repeating it. */
const lastStepScreenshot = new WeakMap<Page, { digest: string; title: string }>();

async function attachStepScreenshot(page: Page, title: string): Promise<void> {
  const shot = await pageScreenshot(page);
  if (!shot) return;
  if ('missing' in shot) {
    await attachMissing(title, shot.missing);
    return;
  }
  const digest = createHash('sha256').update(shot.image).digest('hex');
  const last = lastStepScreenshot.get(page);
  if (last?.digest === digest) {
    // Same pixels as the step before (e.g. a button enabled without a visible change): the report stays small.
    await test.info().attach(`screenshot: ${title}`, { body: `unchanged: the page is as in "screenshot: ${last.title}"`, contentType: 'text/plain' });
    return;
  }
  lastStepScreenshot.set(page, { digest, title });
  await test.info().attach(`screenshot: ${title}`, { body: shot.image, contentType: 'image/png' });
}

function attachMissing(title: string, missing: string): Promise<void> {
  return test.info().attach(`screenshot: ${title}`, { body: missingScreenshotNote(missing), contentType: 'text/plain' });
}

/** A screenshot of the page with every card-field iframe masked (a note when it cannot be taken in time). */
export async function attachScreenshot(page: Page, title: string): Promise<void> {
  const shot = await pageScreenshot(page);
  if (!shot) return;
  if ('missing' in shot) await attachMissing(title, shot.missing);
  else await test.info().attach(`screenshot: ${title}`, { body: shot.image, contentType: 'image/png' });
}
