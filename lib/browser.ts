// Which Chromium to launch: Playwright's own build when installed (a user's machine), else
// CHROMIUM_PATH or a system Chromium (CI images where Playwright cannot download browsers).
import { existsSync } from 'node:fs';

export interface ChromiumChoice {
  executablePath?: string;
  args: string[];
  source: 'playwright' | 'CHROMIUM_PATH' | 'system';
}

// A closed network makes Chromium's background services fail loudly; root needs --no-sandbox.
export const SYSTEM_CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      "No Chromium found. Install one of: Playwright's own (`npx playwright install chromium`), " +
        "Debian/Ubuntu's (`sudo apt-get install -y chromium`), or set CHROMIUM_PATH to a Chromium/Chrome executable.",
    );
    this.name = 'BrowserNotFoundError';
  }
}

export function resolveChromium(options: {
  playwrightExecutable: string | undefined;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
}): ChromiumChoice {
  const exists = options.exists ?? existsSync;
  const env = options.env ?? process.env;
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist: point it at a Chromium/Chrome executable or unset it.`);
    return { executablePath: env.CHROMIUM_PATH, args: SYSTEM_CHROMIUM_ARGS, source: 'CHROMIUM_PATH' };
  }
  if (options.playwrightExecutable && exists(options.playwrightExecutable)) return { args: [], source: 'playwright' };
  const system = SYSTEM_CANDIDATES.find((candidate) => exists(candidate));
  if (system) return { executablePath: system, args: SYSTEM_CHROMIUM_ARGS, source: 'system' };
  throw new BrowserNotFoundError();
}
