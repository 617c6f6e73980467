// The status page in a real browser: Debian's chromium, headless, driven by playwright-core, against a
// real proxy on a real socket while traffic and failures are injected. Leaves a screenshot in
// test-artifacts/status-page.png. (chromium: apt-get install chromium; .ci/run installs it when missing)
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { skipUnless } from '../support/skip.js';
import { chatCompletion, cleanupAll, onCleanup, sendJson, startProxy, startUpstream } from '../proxy/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const KEY = 'sk-status-page-0123456789';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

afterAll(cleanupAll);

async function browser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'rm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
  });
  onCleanup(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
  return context;
}

/** The page refreshes every 5 s; Pause then Resume (by keyboard) asks for a refresh now. */
async function refreshNow(page: Page): Promise<void> {
  await page.locator('#pause').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#pause').getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#pause').getAttribute('aria-pressed')).toBe('false');
}

describe('the status page in chromium', skipUnless(existsSync(CHROMIUM), `no ${CHROMIUM} (apt-get install chromium)`), () => {
  it('signs in with a key, shows circuits, charts, errors and the config, and follows injected failures', async () => {
    let failing = false;
    const handler = (_req: unknown, res: import('node:http').ServerResponse): void => (failing ? sendJson(res, 500, { error: { message: 'boom', type: 'server_error', code: null } }) : sendJson(res, 200, chatCompletion('m', 'ok')));
    const primary = await startUpstream((req, res) => handler(req, res));
    const backup = await startUpstream((_req, res) => sendJson(res, 200, chatCompletion('m', 'ok')));
    const proxy = await startProxy(
      `model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${primary.base}, order: 1 }, model_info: { id: primary-1, provider: primary } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${backup.base}, order: 2 }, model_info: { id: backup-1, provider: backup } }
router_settings: { cooldown_time: 600 }
general_settings: { master_key: ${KEY} }
`,
      { key: KEY },
    );
    const chat = async (): Promise<void> => {
      const r = await proxy.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content: 'hi' }] });
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    };
    for (let i = 0; i < 5; i++) await chat();

    const context = await browser();
    const page = await context.newPage();
    await page.goto(`${proxy.url}/ui`);
    const key = page.getByLabel('API key');
    await expect.poll(() => key.evaluate((el) => el === document.activeElement)).toBe(true);

    // A wrong key is refused and not kept.
    await page.keyboard.type('sk-not-a-key');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#login-error').textContent()).toBe('That key was refused.');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await key.fill(KEY);
    await page.keyboard.press('Enter');
    await page.locator('#status').waitFor({ state: 'visible' });
    expect(await page.locator('#login').isVisible()).toBe(false);
    expect(page.url()).toBe(`${proxy.url}/ui`);
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([KEY]);
    const sha = (await (await proxy.get('/status/json')).json()) as { config: { sha256: string } };
    await expect.poll(() => page.locator('#summary').textContent()).toContain(`config ${sha.config.sha256.slice(0, 12)}`);
    await expect.poll(() => page.locator('#circuits li').allTextContents()).toEqual(['primary-1: closed', 'backup-1: closed']);
    await expect.poll(() => page.locator('#deployments tbody tr').first().locator('td').nth(4).textContent()).toBe('5');
    expect(await page.locator('#config').textContent()).toContain(proxy.configPath);
    expect(await page.locator('article[data-provider="primary"] .c-traffic span').textContent()).toBe('traffic 5 in 1h');
    expect(await page.locator('article[data-provider="primary"] svg path').count()).toBe(3);
    expect(await page.locator('#errors li').allTextContents()).toEqual(['none']);

    // The primary upstream starts failing: the backup serves, the primary's circuit opens (after
    // allowed_fails, 3 a minute), and the page shows it with the errors.
    failing = true;
    for (let i = 0; i < 6; i++) await chat();
    await refreshNow(page);
    await expect.poll(() => page.locator('#circuits li.open').allTextContents()).toEqual([expect.stringMatching(/^primary-1: open \d+s$/)]);
    await expect.poll(() => page.locator('#errors li').count()).toBe(4);
    expect(await page.locator('#errors li').first().textContent()).toMatch(/primary-1 \(primary\): 500 HTTP 500$/);
    expect(await page.locator('article[data-provider="primary"] .c-errors span').textContent()).toBe('errors 4 in 1h');
    expect(await page.locator('article[data-provider="primary"]').textContent()).toContain('1 open');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'status-page.png'), fullPage: true });

    // Sign out, by keyboard: the key leaves the tab.
    await page.locator('#signout').focus();
    await page.keyboard.press('Enter');
    await page.locator('#login').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  }, 90_000);
});
