import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CONSOLE_USERS } from '#infra/local/oidc-provider.ts';
import { launchChromium } from '../support/chromium.ts';
import { CookieJar, signInInBrowser, signInOverHttp } from '../support/console-sign-in.ts';
import { type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';

const [hr, lead] = LOCAL_CONSOLE_USERS;

let system: LocalSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startLocalSystem();
  await system.startJourney(
    scenarioOffer('console-a', {
      candidate: { name: '山田 花子', email: 'hanako+console-a@example.com', locale: 'ja' },
    }),
  );
  await system.startJourney(
    scenarioOffer('console-b', {
      offerId: 'OFR-console-b',
      candidate: { name: '木村 翔', email: 'sho+console-b@example.com', locale: 'en' },
      hr: { name: '中村 恵', email: 'megumi.nakamura@example.co.jp' },
      startDate: '2027-05-06',
    }),
  );
  await system.startJourney(
    scenarioHire('console-c', '2027-01-12', {
      employee: { name: '伊藤 結衣', email: 'yui+console-c@example.com' },
    }),
  );
  await system.runtime.idle();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await system?.runtime.stop();
});

const csrfIn = (page: string) => page.match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';

describe('the console over plain HTTP', () => {
  it('sends a visitor without a session to sign in, and back to the page they asked for', async () => {
    const home = await system.api('/', { redirect: 'manual' });
    expect([home.status, home.headers.get('location')]).toEqual([302, '/console']);
    const asked = await system.api('/console?status=awaiting-start', { redirect: 'manual' });
    expect(asked.status).toBe(302);
    expect(asked.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole%3Fstatus%3Dawaiting-start');

    const { jar, landedOn } = await signInOverHttp(
      `${system.runtime.apiUrl}/console?status=awaiting-start`,
      hr.email,
      hr.password,
    );
    expect(landedOn).toBe(`${system.runtime.apiUrl}/console?status=awaiting-start`);
    const session = jar.cookies.get('__Host-journeys-session');
    expect(session).toBeTruthy();
    const page = await jar.fetch(landedOn);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await page.text();
    expect(body).toContain('伊藤 結衣');
    expect(body).not.toContain('山田 花子');
  });

  it('never sends a person on to another site after signing in', async () => {
    for (const next of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      '/console/../journeys',
    ]) {
      const { landedOn } = await signInOverHttp(
        `${system.runtime.apiUrl}/console/sign-in?next=${encodeURIComponent(next)}`,
        hr.email,
        hr.password,
      );
      expect([next, landedOn]).toEqual([next, `${system.runtime.apiUrl}/console`]);
    }
  });

  it('refuses a POST without the session’s CSRF token or from another origin, and changes nothing', async () => {
    const { jar } = await signInOverHttp(`${system.runtime.apiUrl}/console`, hr.email, hr.password);
    const token = csrfIn(await (await jar.fetch(`${system.runtime.apiUrl}/console`)).text());
    expect(token).not.toBe('');
    const signOut = (fields: Record<string, string>, origin: string = system.runtime.apiUrl) =>
      jar.fetch(`${system.runtime.apiUrl}/console/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams(fields).toString(),
      });

    for (const refused of [
      await signOut({}),
      await signOut({ csrf: `${token.slice(0, -2)}xx` }),
      await signOut({ csrf: token }, 'http://evil.example'),
    ]) {
      expect(refused.status).toBe(403);
      expect(await refused.text()).toMatch(/受け付けられませんでした/);
    }
    // Still signed in: the refused posts ended nothing.
    expect((await jar.fetch(`${system.runtime.apiUrl}/console`)).status).toBe(200);

    const done = await signOut({ csrf: token });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toMatch(new RegExp(`^${system.runtime.oidcIssuer}/session/end\\?`));
    expect(jar.cookies.has('__Host-journeys-session')).toBe(false);
  });

  it('refuses a tampered, foreign or missing session cookie', async () => {
    const { jar } = await signInOverHttp(`${system.runtime.apiUrl}/console`, lead.email, lead.password);
    const session = jar.cookies.get('__Host-journeys-session') ?? '';
    const flipped = `${session.slice(0, 60)}${session[60] === 'A' ? 'B' : 'A'}${session.slice(61)}`;
    for (const value of [flipped, `${session}x`, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']) {
      const forged = new CookieJar();
      forged.cookies.set('__Host-journeys-session', value);
      const page = await forged.fetch(`${system.runtime.apiUrl}/console`);
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toMatch(/^\/console\/sign-in/);
      const post = await forged.fetch(`${system.runtime.apiUrl}/console/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: system.runtime.apiUrl },
        body: 'csrf=x',
      });
      expect(post.status).toBe(403);
    }
    const stray = await system.api('/console/callback?code=x&state=y', { redirect: 'manual' });
    expect(stray.status).toBe(400);
  });
});

const rowNames = async (page: Page) =>
  (await page.locator('table.journeys tbody th').allTextContents()).map((name) => name.trim());

describe('HR in a real browser', () => {
  it('signs in as hr, lists and filters the journeys, signs out, and signs in again as the lead', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    await signInInBrowser(page, system.runtime.apiUrl, hr);
    expect(await page.locator('.console-user').textContent()).toContain('佐藤 綾');
    expect(await rowNames(page)).toEqual(['木村 翔', '山田 花子', '伊藤 結衣']);
    const link = page.getByRole('link', { name: '伊藤 結衣' });
    expect(await link.getAttribute('href')).toMatch(/^\/console\/journeys\/j-[0-9a-f]{20}$/);

    if (process.env.SCREENSHOT_DIR) {
      mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'console.png'), fullPage: true });
    }

    await page.locator('#status').selectOption('awaiting-start');
    await Promise.all([
      page.waitForURL(/status=awaiting-start/),
      page.getByRole('button', { name: /絞り込む/ }).click(),
    ]);
    expect(await rowNames(page)).toEqual(['伊藤 結衣']);

    await page.locator('#status').selectOption('');
    await page.locator('#startMonth').fill('2027-04');
    await Promise.all([
      page.waitForURL(/startMonth=2027-04/),
      page.getByRole('button', { name: /絞り込む/ }).click(),
    ]);
    expect(await rowNames(page)).toEqual(['山田 花子']);

    await page.locator('#startMonth').fill('');
    await page.locator('#hr').fill('not an address');
    await page.locator('#hr').evaluate((input) => input.removeAttribute('type'));
    await page.getByRole('button', { name: /絞り込む/ }).click();
    await expect.poll(() => page.locator('#hr-error').textContent()).toMatch(/HR contact/);

    await page.getByRole('button', { name: /サインアウト/ }).click();
    await page.waitForURL(/\/session\/end/);
    await Promise.all([
      page.waitForURL(/\/console\/signed-out$/),
      page.getByRole('button', { name: /サインアウト/ }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toMatch(/サインアウトしました/);

    await signInInBrowser(page, system.runtime.apiUrl, lead);
    expect(await page.locator('.console-user').textContent()).toContain('高木 真理');
    expect(violations).toEqual([]);
    await context.close();
  });
});
