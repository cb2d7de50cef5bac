// A step's screenshot in a real Chromium: taken when the page can be drawn, a note within the deadline when it
// cannot (a page whose renderer never answers), nothing for a closed page. Skipped when no Chromium is installed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from '@playwright/test';
import { launchChromium, needsChromium } from '../test-support/chromium.ts';
import { missingScreenshotNote, pageScreenshot } from './page-screenshot.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the screenshot a Checkout step leaves', { skip: needsChromium }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('is a PNG of the page when the page can be drawn', async () => {
    const page = await browser.newPage();
    await page.setContent('<h1>Riepilogo</h1><iframe id="frame_CARD_NUMBER" srcdoc="<input value=4111>"></iframe>');
    const shot = await pageScreenshot(page, 10_000);
    assert.ok(shot && 'image' in shot, `a screenshot, not ${JSON.stringify(shot)}`);
    assert.deepEqual(shot.image.subarray(0, 8), PNG_SIGNATURE);
    await page.close();
  });

  it('is a note, within its deadline, when the page never answers', async () => {
    const page = await browser.newPage();
    await page.setContent('<h1>bloccata</h1>');
    // The renderer's main thread busy for good: nothing can draw or evaluate in the page any more.
    await page.evaluate(
      () =>
        void setTimeout(() => {
          for (;;);
        }, 0),
    );
    const started = Date.now();
    const shot = await pageScreenshot(page, 1_500);
    const took = Date.now() - started;
    assert.ok(shot && 'missing' in shot, `a note, not ${shot && 'image' in shot ? 'an image' : shot}`);
    assert.match(shot.missing, /timeout/i);
    assert.ok(took < 10_000, `answered in ${took} ms, deadline 1500 ms`);
    assert.match(missingScreenshotNote(shot.missing), /^screenshot not taken: .*timeout/i);
    await page.close({ runBeforeUnload: false });
  });

  it('is nothing for a closed page', async () => {
    const page = await browser.newPage();
    await page.close();
    assert.equal(await pageScreenshot(page, 1_000), undefined);
  });
});
