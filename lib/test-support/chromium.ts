// For the project's own tests that drive a page in Chromium (node:test, not Playwright Test): the browser the
// suite would use (Playwright's own, else Debian's), or a skip reason when there is none.
import { chromium, type Browser } from '@playwright/test';
import { resolveChromium, type ChromiumChoice } from '../browser.ts';

function find(): ChromiumChoice | undefined {
  try {
    return resolveChromium({ playwrightExecutable: chromium.executablePath() });
  } catch {
    return undefined;
  }
}

const choice = find();

/** The `skip` option of a describe/test that needs Chromium. */
export const needsChromium: false | string = choice ? false : 'no Chromium installed';

export function launchChromium(): Promise<Browser> {
  if (!choice) throw new Error('no Chromium installed');
  return chromium.launch({ executablePath: choice.executablePath, args: choice.args });
}
