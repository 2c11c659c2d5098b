import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CONSOLE_USERS } from '#infra/local/oidc-provider.ts';
import { launchChromium } from '../support/chromium.ts';
import { signInInBrowser } from '../support/console-sign-in.ts';
import {
  eventTypes,
  formLinkIn,
  type LocalSystem,
  startLocalSystem,
  withoutPulseChecks,
} from '../support/local-system.ts';
import { scenarioHire } from '../support/sample-offer.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

// The February 2027 cohort: one leaves during round 1, one gives notice for the end of March, one whose contract
// ends in June (recorded in the console), one stays past month 3 and leaves in July; a fifth is cancelled before
// it starts.
const leaving = scenarioHire('dep-leaving', '2027-02-01');
const givingNotice = scenarioHire('dep-notice', '2027-02-01');
const contractEnding = scenarioHire('dep-contract', '2027-02-01');
const staying = scenarioHire('dep-staying', '2027-02-01');
const cancelledEarly = scenarioHire('dep-cancelled', '2027-02-01');
const [, lead] = LOCAL_CONSOLE_USERS;

interface Retention {
  byStartMonth: {
    startMonth: string;
    started: number;
    after: { months: number; reached: boolean; stayed: number | null; retentionRate: number | null }[];
  }[];
}

let system: LocalSystem;
let browser: Browser;
const screenshot = async (page: Page, name: string) => {
  if (!process.env.SCREENSHOT_DIR) return;
  mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, name), fullPage: true });
};
const ids: Record<string, string> = {};
const idOf = (body: { hireId: string }) => ids[body.hireId] ?? '';
const left = (body: { hireId: string }, departure: unknown) =>
  system.api(`/journeys/${idOf(body)}/left`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(departure),
  });
const calendarOf = (email: { attachments: { content?: string }[] } | undefined) =>
  email?.attachments[0]?.content ?? '';
const retention = async () => {
  const response = await system.api('/reports?startMonth=2027-02');
  expect(response.status).toBe(200);
  return ((await response.json()) as { retention: Retention }).retention;
};
const stayedAfter = (report: Retention) =>
  report.byStartMonth.map(({ after }) => after.map((each) => each.stayed));

beforeAll(async () => {
  system = await startLocalSystem();
  for (const body of [leaving, givingNotice, contractEnding, staying, cancelledEarly]) {
    ids[body.hireId] = await system.startJourney(body);
  }
  const cancelled = await system.postJson(`/journeys/${idOf(cancelledEarly)}/cancel`, { reason: 'withdrew' });
  expect(cancelled.status).toBe(200);
  // Round 1 (1on1 on 1 March) has begun: invitations and prep requests are out.
  await system.advanceTo('2027-02-26T10:00:00+09:00');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await system?.runtime.stop();
});

describe('POST /journeys/{id}/left', () => {
  it('refuses bad input with a message per field, an unknown journey and a cancelled one, writing nothing', async () => {
    await system.runtime.idle();
    const before = await tableSnapshot();
    const refused = await left(leaving, { on: '25/02/2027', reason: 'fired', note: 'moving abroad' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({
      on: 'must be a date like 2027-04-01',
      reason: 'must be one of voluntary, company, contract-end, other',
      '(body)': expect.stringContaining('note'),
    });
    const early = await left(leaving, { on: '2027-01-31', reason: 'voluntary' });
    expect(early.status).toBe(400);
    expect(((await early.json()) as { errors: Record<string, string> }).errors).toEqual({
      on: 'must not be before the start date (2027-02-01)',
    });
    const farAhead = await left(leaving, { on: '2028-02-27', reason: 'contract-end' });
    expect(((await farAhead.json()) as { errors: Record<string, string> }).errors).toEqual({
      on: 'must be within 1 year from today (2028-02-26 at the latest)',
    });
    expect(
      (await system.postJson('/journeys/j-00000000000000000000/left', { on: '2027-02-25', reason: 'other' }))
        .status,
    ).toBe(404);
    expect((await left(cancelledEarly, { on: '2027-02-25', reason: 'voluntary' })).status).toBe(409);
    await system.runtime.idle();
    expect(await tableSnapshot()).toEqual(before);
  });

  it('withdraws the meetings from the person’s own calendar too while they are still employed', async () => {
    const journey = await system.journey(idOf(givingNotice));
    expect(eventTypes(journey)).toContain('invitation.sent');
    const toPerson = withoutPulseChecks(await system.mailTo(givingNotice.employee.email));
    expect((await left(givingNotice, { on: '2027-03-31', reason: 'voluntary' })).status).toBe(200);
    const after = withoutPulseChecks(await system.mailTo(givingNotice.employee.email));
    expect(after.length).toBeGreaterThan(toPerson.length);
    expect(calendarOf(after.at(-1))).toMatch(/METHOD:CANCEL/);
    expect(calendarOf((await system.organizerCopiesTo(givingNotice.hr.email)).at(-1))).toMatch(
      /METHOD:CANCEL/,
    );
  });

  it('ends a journey in onboarding: HR’s calendar copy withdrawn, forms closed, nothing more scheduled', async () => {
    const before = await system.journey(idOf(leaving));
    expect(eventTypes(before)).toContain('round.started');
    const [, prepRequest] = await system.mailTo(leaving.manager.email);
    const toPerson = (await system.mailTo(leaving.employee.email)).length;
    const hrCopies = (await system.organizerCopiesTo(leaving.hr.email)).length;

    const response = await left(leaving, { on: '2027-02-25', reason: 'voluntary' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      journeyId: idOf(leaving),
      status: 'left',
      departure: { on: '2027-02-25', reason: 'voluntary' },
    });

    const journey = await system.journey(idOf(leaving));
    expect(journey.status).toBe('left');
    expect((journey as unknown as { departure: unknown }).departure).toEqual({
      on: '2027-02-25',
      reason: 'voluntary',
    });
    expect(journey.timeline.find((event) => event.type === 'journey.left')).toMatchObject({
      on: '2027-02-25',
      reason: 'voluntary',
    });
    // Their last day has passed, so their work address may be closed: only HR's copy is withdrawn.
    const copies = await system.organizerCopiesTo(leaving.hr.email);
    expect(copies).toHaveLength(hrCopies + 1);
    expect(calendarOf(copies.at(-1))).toMatch(/METHOD:CANCEL/);
    expect(await system.mailTo(leaving.employee.email)).toHaveLength(toPerson);
    expect((await fetch(formLinkIn(prepRequest))).status).toBe(410);

    // The round's prep deadline and 1on1 pass: nothing happens to this journey any more.
    const events = journey.timeline.length;
    const mails = (await system.emails()).filter((email) =>
      email.to.some((to) =>
        [leaving.employee.email, leaving.manager.email].some((address) => to.includes(address)),
      ),
    ).length;
    await system.advanceTo('2027-03-12T10:00:00+09:00');
    expect((await system.journey(idOf(leaving))).timeline).toHaveLength(events);
    expect(
      (await system.emails()).filter((email) =>
        email.to.some((to) =>
          [leaving.employee.email, leaving.manager.email].some((address) => to.includes(address)),
        ),
      ),
    ).toHaveLength(mails);
  });

  it('answers a retry as the first time, writing and mailing nothing; a different departure is refused', async () => {
    await system.runtime.idle();
    const before = await tableSnapshot();
    const mails = (await system.emails()).length;
    const again = await left(leaving, { on: '2027-02-25', reason: 'voluntary' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      journeyId: idOf(leaving),
      status: 'left',
      departure: { on: '2027-02-25', reason: 'voluntary' },
    });
    const different = await left(leaving, { on: '2027-02-25', reason: 'company' });
    expect(different.status).toBe(409);
    await system.runtime.idle();
    expect(await tableSnapshot()).toEqual(before);
    expect(await system.emails()).toHaveLength(mails);
  });
});

describe('the console', () => {
  it("records a departure from the journey's page, with the API's checks", async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInBrowser(page, system.runtime.apiUrl, lead);
    await page.goto(`${system.runtime.apiUrl}/console/journeys/${idOf(contractEnding)}`);
    const form = page.locator('form[action$="/left"]');
    await form.locator('#on').fill('2029-06-30');
    await form.locator('#departureReason').selectOption('contract-end');
    await form.getByRole('button', { name: /退職を記録する/ }).click();
    await expect.poll(() => page.locator('p.error').first().textContent()).toMatch(/今日から1年以内/);
    expect((await system.journey(idOf(contractEnding))).status).toBe('onboarding');

    await page.locator('form[action$="/left"] #on').fill('2027-06-30');
    await Promise.all([
      page.waitForURL(/done=left$/),
      page
        .locator('form[action$="/left"]')
        .getByRole('button', { name: /退職を記録する/ })
        .click(),
    ]);
    expect(await page.locator('h1 .status').textContent()).toContain('退職');
    expect(await page.locator('ol.timeline').textContent()).toMatch(/退職を記録（2027-06-30・契約満了）/);
    await screenshot(page, 'console-departure.png');
    expect((await system.journey(idOf(contractEnding))).status).toBe('left');
    await context.close();
  });
});

describe('retention in reports', () => {
  it('shows "not yet" (null) until the start month is 3 months in', async () => {
    const report = await retention();
    expect(report.byStartMonth.map(({ startMonth, started }) => ({ startMonth, started }))).toEqual([
      { startMonth: '2027-02', started: 4 },
    ]);
    expect(report.byStartMonth[0]?.after.map(({ months, reached }) => ({ months, reached }))).toEqual([
      { months: 3, reached: false },
      { months: 6, reached: false },
      { months: 12, reached: false },
    ]);
    expect(stayedAfter(report)).toEqual([[null, null, null]]);
  });

  it('records a departure after the journey completed, and counts who stayed 3 and 6 months', async () => {
    await system.advanceTo('2027-08-02T10:00:00+09:00');
    expect((await system.journey(idOf(staying))).status).toBe('completed');
    const mails = (await system.emails()).length;
    expect((await left(staying, { on: '2027-07-31', reason: 'company' })).status).toBe(200);
    expect((await system.journey(idOf(staying))).status).toBe('left');
    expect(await system.emails()).toHaveLength(mails);

    const report = await retention();
    expect(report.byStartMonth[0]?.after).toEqual([
      { months: 3, reached: true, stayed: 2, retentionRate: 0.5 },
      { months: 6, reached: true, stayed: 0, retentionRate: 0 },
      { months: 12, reached: false, stayed: null, retentionRate: null },
    ]);
    const csv = await (await system.api('/reports?startMonth=2027-02&format=csv')).text();
    expect(csv).toContain('retention.started,start-2027-02,4\r\n');
    expect(csv).toContain('retention.stayed_3_months,start-2027-02,2\r\n');
    expect(csv).toContain('retention.rate_12_months,start-2027-02,\r\n');
  });

  it("shows on the console's report page, in Japanese and in English", async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInBrowser(page, system.runtime.apiUrl, lead);
    await page.goto(`${system.runtime.apiUrl}/console/reports?startMonth=2027-02`);
    const row = page.locator('table.report-figures tr', { hasText: '2027年2月' });
    expect(await row.textContent()).toBe('2027年2月42/4 (50%)0/4 (0%)まだ');
    await screenshot(page, 'console-report-retention-ja.png');
    await page.goto(`${system.runtime.apiUrl}/console/reports?startMonth=2027-02&lang=en`);
    const english = page.locator('table.report-figures tr', { hasText: '2027-02' });
    expect(await english.textContent()).toBe('2027-0242/4 (50%)0/4 (0%)Not yet');
    await screenshot(page, 'console-report-retention-en.png');
    await context.close();
  });
});
