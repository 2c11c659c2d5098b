import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { eventTypes, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';

let system: LocalSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startLocalSystem();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await system?.runtime.stop();
});

describe('an interviewer answering in a real browser', () => {
  it('opens the emailed link, fills in the form, submits, and the journey moves on', async () => {
    const offer = scenarioOffer('browser');
    const journeyId = await system.startJourney(offer);
    const [request] = await system.mailTo(offer.interviewers[0]?.email ?? '');

    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(formLinkIn(request));
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await page
      .getByLabel(/懸念|不安|気がかり/)
      .first()
      .fill('通勤時間を気にしていた');
    await page.locator('textarea[name="impressions"]').fill('質問が具体的');
    await page.locator('textarea[name="strengths"]').fill('粘り強い');
    await Promise.all([
      page.waitForURL(/\/forms\//),
      page.locator('button[type="submit"], input[type="submit"]').click(),
    ]);
    await expect.poll(async () => page.locator('body').textContent()).toMatch(/ありがとう/);
    expect(violations).toEqual([]);
    await page.close();

    const journey = await system.journey(journeyId);
    expect(eventTypes(journey)).toContain('prep.submitted');
    expect(eventTypes(journey)).toContain('brief.sent');
    const [brief] = await system.mailTo(offer.hr.email);
    expect(brief?.text).toContain('通勤時間を気にしていた');
  });
});

describe('a new hire answering a pulse check in a real browser', () => {
  it('opens an answer from the mail, changes it, adds a comment, sends, and sees the chart and a note', async () => {
    const hire = scenarioHire('browser-pulse', '2027-02-01');
    const journeyId = await system.startJourney(hire);
    await system.advanceTo('2027-02-08T10:00:00+09:00');
    const mail = (await system.mailTo(hire.employee.email)).find((email) => /仕事の調子/.test(email.subject));
    const fairLink = mail?.text.match(/https?:\/\/\S+\?answer=fair/)?.[0];
    expect(fairLink).toBeTruthy();

    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(fairLink ?? '');
    expect(await page.locator('input[name="answer"][value="fair"]').isChecked()).toBe(true);
    await page.locator('input[name="answer"][value="rainy"]').check();
    await page.locator('input[name="workload"][value="stormy"]').check();
    await page.locator('textarea[name="comment"]').fill('最近あまり眠れていません');
    await Promise.all([page.waitForURL(/\/forms\//), page.getByRole('button', { name: '送信する' }).click()]);
    await expect
      .poll(async () => page.locator('h1').textContent())
      .toBe('送信しました。ありがとうございます');
    expect(await page.locator('svg.pulse-chart').isVisible()).toBe(true);
    expect(await page.locator('body').textContent()).toContain('一人で抱え込まず');
    expect(violations).toEqual([]);
    await page.close();

    const view = (await (await system.api(`/journeys/${journeyId}`)).json()) as { pulse: unknown[] };
    expect(view.pulse).toEqual([{ at: expect.any(String), answer: 'rainy', workload: 'stormy' }]);
  });
});
