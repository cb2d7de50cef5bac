// Masks the card number and security code in the traces of every test, as soon as the test ends.
// Listed first in playwright.config.ts: its onTestEnd is synchronous, so the other reporters
// (HTML, Allure, JSON) only ever see redacted traces.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { cardSecrets, runConfig } from '../lib/config.ts';
import { redactTraceFile, type CardSecrets } from '../lib/evidence/trace-redaction.ts';

export default class CardRedactionReporter implements Reporter {
  readonly #secrets: CardSecrets | undefined;

  constructor() {
    const { config } = runConfig();
    this.#secrets = config ? cardSecrets(config) : undefined; // invalid configuration: no Checkout case runs
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    if (!this.#secrets) return;
    for (const attachment of result.attachments) {
      if (attachment.name === 'trace' && attachment.path) redactTraceFile(attachment.path, this.#secrets);
    }
  }

  printsToStdio(): boolean {
    return false;
  }
}
