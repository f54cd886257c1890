// The console in a real browser against a real hub (consolidator, citizen API, household and land adapters,
// the console, each its own process): an operator logs in with the operator key, watches the figures move
// as the registries push events through the adapters, opens the records behind a quality issue and a
// record view, and re-drives a dead letter. Screenshots go to test-artifacts/console/.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@lgsp/infra';
import { pushThroughAdapters, startHub, type HubUnderTest } from '@lgsp/testkit';
import { openBrowser, type Browser } from './browser.ts';
import { consoleEnvOf, holdReplayLease, LETTER_PERSON_ID, ORPHAN_ID, publishDirectly, sampleProvince } from './sample-hub.ts';

const ARTIFACTS = path.join(repoRoot, 'test-artifacts', 'console');

describe('the operator console in Chromium', () => {
  const province = sampleProvince(23, 14);
  // Someone with a civil record and a land right: the fuller record view.
  const landHolders = new Set(province.land.map((event) => event.subject));
  const fullPerson = province.household.map((event) => event.subject).find((id) => landHolders.has(id) && id !== ORPHAN_ID)!;
  let hub: HubUnderTest;
  let base: string;
  let browser: Browser;

  const text = (selector: string): Promise<string> => browser.page.locator(selector).first().innerText();
  const waitForText = async (selector: string, expected: string | RegExp, timeout = 30_000): Promise<void> => {
    const content = async (): Promise<string> => (await browser.page.locator(selector).first().textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
    await (typeof expected === 'string' ? expect.poll(content, { timeout, interval: 200 }).toContain(expected) : expect.poll(content, { timeout, interval: 200 }).toMatch(expected));
  };
  const shoot = async (name: string): Promise<void> => {
    // From the top, so the sticky top bar is where a reader expects it in a full-page picture.
    await browser.page.evaluate('window.scrollTo(0, 0)');
    await browser.page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    [hub, browser] = await Promise.all([startHub({ services: ['consolidator', 'citizen-api', 'adapter-land', 'adapter-household'], partitions: 2 }), openBrowser()]);
    base = (await hub.start('console', { ...consoleEnvOf(hub), CONSOLE_SAMPLE_INTERVAL_MS: '1000' })).url;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('shows only the login page without the operator key, and logs the operator in', async () => {
    const { page } = browser;
    await page.goto(`${base}/#/overview`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('#key', 'dev-land-portal-key');
    await page.click('button[type=submit]');
    await waitForText('#login-error', 'only an operator key opens the console');
    await page.fill('#key', 'dev-operator-key');
    await shoot('01-login');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=kpi-records]');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await text('[data-testid=operator]')).toBe('hub operators');
    expect(await text('[data-testid=kpi-records] .kpi-value')).toBe('0');
  });

  it('shows the figures move as events are pushed through the adapters', async () => {
    await publishDirectly(hub, [{ registry: 'land', events: [province.letterEvent], key: 'wrong' }]);
    await pushThroughAdapters(hub, [...province.household, ...province.land], { batchSize: 10 });
    const expected = province.people.length - 1;
    // Generous: in CI the whole suite shares two cores with this hub.
    await waitForText('[data-testid=kpi-records] .kpi-value', String(expected), 60_000);
    await waitForText('[data-testid=accepted-land]', String(province.land.length));
    await waitForText('[data-testid=accepted-household]', String(province.household.length));
    await waitForText('[data-testid=kpi-dead-letters] .kpi-value', '1');
    await waitForText('[data-testid=kpi-lag] .kpi-value', /^0$/);
    // The trends have points to draw.
    await browser.page.waitForSelector('.chart-canvas canvas', { timeout: 15_000 });
    await browser.page.waitForTimeout(1_500);
    await shoot('02-overview');
  }, 120_000);

  it('shows a running replay’s phase and progress', async () => {
    const lease = await holdReplayLease(hub);
    try {
      await waitForText('[data-testid=replay-state]', 'Building generation 2 to replace 1');
      await waitForText('[data-testid=replay-state]', '1,200 of 4,800 events');
      await shoot('02b-overview-replay');
    } finally {
      await lease.release();
    }
    await waitForText('[data-testid=replay-state]', 'No replay running');
  });

  it('shows the four quality figures and the records behind an issue code, and opens one', async () => {
    const { page } = browser;
    await page.click('nav a[href="#/quality"]');
    await waitForText('[data-testid=figure-clean] .figure-value', /%/);
    expect(await text('[data-testid=figure-correct] .figure-value')).toMatch(/^\d+\.\d%$/);
    await page.click('tr:has(code:text-is("NO_CIVIL_RECORD")) button');
    await page.waitForSelector(`[data-testid=issue-records-NO_CIVIL_RECORD] a[href="#/records/${ORPHAN_ID}"]`);
    await page.waitForTimeout(600);
    await shoot('03-quality');
    await page.click(`a[href="#/records/${ORPHAN_ID}"]`);
    await waitForText('[data-testid=record-id]', ORPHAN_ID);
    expect(await page.locator('[data-testid=record-view]').innerText()).toContain('NO_CIVIL_RECORD');
    await waitForText('[data-testid=record-view]', 'vn.lgsp.land.right-granted.v1');
    await shoot('04-record-orphan');
  });

  it('looks a person up by personal ID and shows sections, provenance and history', async () => {
    const { page } = browser;
    await page.fill('#personal-id', '12345');
    await page.click('form[role=search] button[type=submit]');
    await waitForText('#lookup-error', '12 digits');
    await page.fill('#personal-id', fullPerson);
    await page.click('form[role=search] button[type=submit]');
    await waitForText('[data-testid=record-id]', fullPerson);
    await waitForText('[data-testid=record-view]', 'vn.lgsp.household.citizen-registered.v1');
    const view = await page.locator('[data-testid=record-view]').innerText();
    expect(view).toMatch(/Identity and status[\s\S]*Full name/i);
    expect(view).toContain('Provenance');
    expect(view).toContain('vn.lgsp.household.citizen-registered.v1');
    await shoot('05-record');
  });

  it('re-drives a dead letter from the dead-letter page', async () => {
    const { page } = browser;
    await page.click('nav a[href="#/dead-letters"]');
    const row = page.locator('tr[data-letter]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().innerText()).toContain('is not the event\'s subject');
    await shoot('06-dead-letters');
    await row.first().locator('button').click();
    await waitForText('[data-testid=redrive-outcome]', '1 re-driven');
    await waitForText('tr[data-letter]', 're-driven');
    await shoot('07-dead-letter-redriven');
    // Through the land adapter the event was keyed right: its person now has a record.
    await page.click('nav a[href="#/overview"]');
    await waitForText('[data-testid=kpi-records] .kpi-value', String(province.people.length));
    await page.goto(`${base}/#/records/${LETTER_PERSON_ID}`);
    await waitForText('[data-testid=record-id]', LETTER_PERSON_ID);
  }, 90_000);

  it('logs out back to the login page, and then serves nothing else', async () => {
    const { page } = browser;
    await page.click('button:text-is("Log out")');
    await page.waitForURL(`${base}/login`);
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    const app = await page.request.get(`${base}/assets/app/main.js`);
    expect(app.status()).toBe(401);
  });

  it('ran without a script error or a Content-Security-Policy violation', () => {
    expect(browser.problems.filter((problem) => !/401 \(Unauthorized\)|403 \(Forbidden\)/.test(problem))).toEqual([]);
  });
});
