import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CONSOLE_USERS } from '#infra/local/oidc-provider.ts';
import { launchChromium } from '../support/chromium.ts';
import { signInInBrowser } from '../support/console-sign-in.ts';
import { formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';

const [hr, lead] = LOCAL_CONSOLE_USERS;
const NOTE = '本人と電話で話し、来週もう一度面談することにした';
const PRIVATE_NOTE = '非公開: 通勤の事情を気にしていた';

// Posted on 24 November after starting on 2 November: round 1's 1on1 is on 2 December, round 2's in January, and
// the first pulse check goes out on 25 November. Its HR contact is the local `hr` user.
const hire = scenarioHire('browser', '2026-11-02', {
  employee: { name: '森 さくら', email: 'sakura.mori@example.com' },
  hr: { name: '佐藤 綾', email: hr.email },
});
// Another HR contact's offer, whose outcome carries private notes.
const others = scenarioOffer('browser-notes', {
  hr: { name: '中村 恵', email: 'megumi.nakamura@example.co.jp' },
});

let system: LocalSystem;
let browser: Browser;
let hireId: string;
let othersId: string;
const screenshot = async (page: { screenshot: (options: object) => Promise<unknown> }, name: string) => {
  if (!process.env.SCREENSHOT_DIR) return;
  mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, name), fullPage: true });
};

beforeAll(async () => {
  system = await startLocalSystem();
  hireId = await system.startJourney(hire);
  othersId = await system.startJourney(others);
  await system.advanceTo('2026-11-25T10:00:00+09:00');
  const [check] = await system.mailTo(hire.employee.email);
  expect((await system.submitForm(formLinkIn(check), { answer: 'stormy' })).status).toBe(200);
  await system.advanceTo('2026-12-03T12:00:00+09:00');
  const [outcome] = (await system.mailTo('megumi.nakamura@')).filter((mail) => /結果/.test(mail.subject));
  await system.submitForm(formLinkIn(outcome), {
    decision: 'accepted',
    remainingConcerns: '',
    notes: PRIVATE_NOTE,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await system?.runtime.stop();
});

const newContext = () =>
  browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 }, acceptDownloads: true });

const watchCsp = (context: BrowserContext, violations: string[]) =>
  context.on('page', (page) =>
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    }),
  );

describe('HR working in the console in Chromium', () => {
  it('starts a journey, finds it, moves a session, handles an alert and downloads the report', async () => {
    const context = await newContext();
    const violations: string[] = [];
    watchCsp(context, violations);
    const page = await context.newPage();
    await signInInBrowser(page, system.runtime.apiUrl, hr);

    await page.getByRole('link', { name: /ジャーニーを開始/ }).click();
    await page.locator('input[name="phase"][value="onboarding"]').check();
    await page.locator('#key').fill('HIRE-browser-new');
    await page.locator('[id="person.name"]').fill('青木 陽太');
    await page.locator('[id="person.email"]').fill('not-an-address');
    await page.locator('[id="manager.name"]').fill('鈴木 一郎');
    await page.locator('[id="manager.email"]').fill('ichiro.suzuki@example.co.jp');
    await page.locator('#startDate').fill('2027-04-01');
    await Promise.all([
      page.waitForURL(/\/console\/journeys$/),
      page.getByRole('button', { name: /開始する/ }).click(),
    ]);
    expect(await page.locator('[id="person.email-error"]').textContent()).toContain(
      'メールアドレスを入力してください',
    );
    await page.locator('[id="person.email"]').fill('yota.aoki@example.com');
    await Promise.all([
      page.waitForURL(/\/console\/journeys\/j-[0-9a-f]{20}\?done=started$/),
      page.getByRole('button', { name: /開始する/ }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toContain('青木 陽太');

    await page.getByRole('link', { name: /ジャーニー一覧/ }).click();
    await page.locator('#q').fill('青木');
    await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: /絞り込む/ }).click()]);
    expect(
      (await page.locator('table.journeys tbody th').allTextContents()).map((name) => name.trim()),
    ).toEqual(['青木 陽太']);

    await page.goto(`${system.runtime.apiUrl}/console/journeys/${hireId}`);
    await page.locator('#round').selectOption('2');
    await page.locator('#sessionAt').fill('2027-01-06T16:00');
    await Promise.all([
      page.waitForURL(/done=moved$/),
      page
        .getByRole('button', { name: /変更する/ })
        .nth(1)
        .click(),
    ]);
    const moved = (await (await system.api(`/journeys/${hireId}`)).json()) as {
      rounds: { round: number; sessionAt: string }[];
    };
    expect(moved.rounds.find((round) => round.round === 2)?.sessionAt).toBe('2027-01-06T16:00:00+09:00');

    // Round 2 by video: a link that is not https is shown in Japanese next to the form, and nothing changes.
    await page.locator('#placeRound').selectOption('2');
    await page.locator('#location').fill('http://meet.example.com/aoki');
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: /設定する/ }).click(),
    ]);
    expect(await page.locator('.error').allTextContents()).toContainEqual(
      expect.stringContaining('https:// で始まるもの'),
    );
    await page.locator('#location').fill('https://meet.example.com/aoki');
    await Promise.all([
      page.waitForURL(/done=placed$/),
      page.getByRole('button', { name: /設定する/ }).click(),
    ]);
    const placed = (await (await system.api(`/journeys/${hireId}`)).json()) as {
      rounds: { round: number; location?: string }[];
    };
    expect(placed.rounds.map((round) => round.location)).toEqual([
      undefined,
      'https://meet.example.com/aoki',
      undefined,
    ]);
    await screenshot(page, 'console-journey.png');

    await page.getByRole('link', { name: /要対応/ }).click();
    expect(await page.title()).toMatch(/^要対応 \(\d+\)/);
    await screenshot(page, 'console-attention.png');
    const alert = page.locator('li.attention-alert', { hasText: '森 さくら' });
    await alert.getByRole('button', { name: /対応済みにする/ }).click();
    // The browser keeps an empty note from being sent at all.
    expect(page.url()).toMatch(/\/console\/attention$/);
    await alert.getByLabel(/対応したこと/).fill(NOTE);
    await Promise.all([
      page.waitForURL(/done=handled$/),
      alert.getByRole('button', { name: /対応済みにする/ }).click(),
    ]);
    expect(await page.locator('li.attention-alert', { hasText: '森 さくら' }).count()).toBe(0);
    const timeline = (await system.journey(hireId)).timeline;
    expect(timeline.find((event) => event.type === 'alert.handled')).toMatchObject({
      note: NOTE,
      by: hr.email,
    });

    await page.getByRole('link', { name: /レポート/ }).click();
    await page.locator('#startMonth').fill('2026-11');
    await Promise.all([
      page.waitForURL(/startMonth=2026-11/),
      page.getByRole('button', { name: /表示/ }).click(),
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('report-2026-11-01-to-2026-11-30.csv');
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFFmetric,group,value\r\n')).toBe(true);
    expect(csv).toContain('journeys,all,1\r\n');
    expect(csv).toContain('alerts.handled,all,1\r\n');
    await screenshot(page, 'console-reports.png');
    expect(violations).toEqual([]);
    await context.close();
  });

  it("keeps erasure and another HR contact's private notes from hr, and gives both to the lead", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInInBrowser(page, system.runtime.apiUrl, hr);
    await page.goto(`${system.runtime.apiUrl}/console/journeys/${othersId}`);
    expect(await page.locator('main').textContent()).toContain('担当の人事と人事責任者だけが読めます');
    expect(await page.content()).not.toContain(PRIVATE_NOTE);
    expect(await page.getByRole('button', { name: /消去する/ }).count()).toBe(0);
    await context.close();

    const leads = await newContext();
    const leadPage = await leads.newPage();
    await signInInBrowser(leadPage, system.runtime.apiUrl, lead);
    await leadPage.goto(`${system.runtime.apiUrl}/console/journeys/${othersId}`);
    expect(await leadPage.locator('main').textContent()).toContain(PRIVATE_NOTE);
    await leadPage.locator('#confirm').fill(others.candidate.name);
    await Promise.all([
      leadPage.waitForURL(/done=erased$/),
      leadPage.getByRole('button', { name: /消去する/ }).click(),
    ]);
    expect((await system.api(`/journeys/${othersId}`)).status).toBe(410);
    await leads.close();
  });
});
