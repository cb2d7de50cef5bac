// The checklist page in a real Chromium (issue 15): Italian by default with the onboarding steps and their cases,
// the switch to English, and the live update: an item turns done while the EC's software runs, without reloading.
// Skipped when no Chromium is installed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { launchChromium, needsChromium } from '../lib/test-support/chromium.ts';
import { ecClient, ecSandbox } from './ec-software-test-helpers.ts';

describe('EC software checklist page in Chromium', { skip: needsChromium }, () => {
  let sandbox: { app: FastifyInstance; url: string };
  let browser: Browser;
  before(async () => {
    sandbox = await ecSandbox();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await sandbox?.app.close();
  });

  it('shows the steps and cases in Italian, switches to English, and updates while the EC software runs', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${sandbox.url}/__sandbox/checklist`);
      assert.equal(await page.locator('h1').textContent(), 'Verifica del software dell’EC');
      assert.equal(await page.locator('html').getAttribute('lang'), 'it');
      const create = page.locator('[data-case="GPD-CRE-02"]');
      assert.match((await create.textContent()) ?? '', /Creazione e pubblicazione senza data di validità.*Non ancora/s);
      assert.ok((await page.locator('section.step h2').allTextContents()).includes('Passo 6 — Test delle funzionalità principali'));

      await ecClient(sandbox.url, 'page').mistakes();
      // No reload: the page asks again every 2 s.
      await page.locator('[data-case="GPD-UPD-03"][data-status="problems"]').waitFor({ timeout: 10_000 });
      assert.match((await page.locator('[data-case="GPD-CRE-09"] .state').textContent()) ?? '', /^Fatto$/);
      assert.match((await page.locator('#problems').textContent()) ?? '', /Consiglio:.*toPublish=true/s);

      await page.locator('#lang-switch').click();
      await page.waitForURL(/lang=en/);
      assert.equal(await page.locator('h1').textContent(), 'Check of the EC’s software');
      assert.match(
        (await page.locator('[data-case="GPD-UPD-03"]').textContent()) ?? '',
        /Update a VALID position without toPublish \(trap\).*Done with problems/s,
      );
      assert.match((await page.locator('#problems').textContent()) ?? '', /Advice:.*toPublish=true/s);
      assert.equal(await page.locator('#lang-switch').textContent(), 'Italiano');
    } finally {
      await page.close();
    }
  });
});
