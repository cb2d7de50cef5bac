import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveChromium, BrowserNotFoundError, SYSTEM_CHROMIUM_ARGS } from './browser.ts';

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

test("Playwright's own Chromium wins when installed", () => {
  assert.deepEqual(resolveChromium({ playwrightExecutable: '/pw/chrome', env: {}, exists: only('/pw/chrome', '/usr/bin/chromium') }), {
    args: [],
    source: 'playwright',
  });
});

test('CHROMIUM_PATH is used when set, and must exist', () => {
  assert.deepEqual(resolveChromium({ playwrightExecutable: '/pw/chrome', env: { CHROMIUM_PATH: '/opt/c' }, exists: only('/opt/c') }), {
    executablePath: '/opt/c',
    args: SYSTEM_CHROMIUM_ARGS,
    source: 'CHROMIUM_PATH',
  });
  assert.throws(
    () => resolveChromium({ playwrightExecutable: undefined, env: { CHROMIUM_PATH: '/nope' }, exists: only() }),
    /CHROMIUM_PATH=\/nope does not exist/,
  );
});

test('falls back to a system Chromium with the closed-network flags', () => {
  const choice = resolveChromium({ playwrightExecutable: '/pw/missing', env: {}, exists: only('/usr/bin/chromium') });
  assert.equal(choice.executablePath, '/usr/bin/chromium');
  assert.ok(choice.args.includes('--no-sandbox') && choice.args.includes('--disable-background-networking'));
});

test('no browser at all: one error that says how to install one', () => {
  assert.throws(
    () => resolveChromium({ playwrightExecutable: undefined, env: {}, exists: only() }),
    (error: unknown) => error instanceof BrowserNotFoundError && /apt-get install -y chromium/.test(error.message),
  );
});
