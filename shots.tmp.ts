import { chromium } from 'playwright-core';
import { LOCAL_CONSOLE_USERS } from '#infra/local/oidc-provider.ts';
import { formLinkIn, startLocalSystem } from './test/support/local-system.ts';
import { scenarioHire, scenarioOffer } from './test/support/sample-offer.ts';

const system = await startLocalSystem();
const offerId = await system.startJourney(
  scenarioOffer('shot', { hr: { name: '高木 真理', email: 'lead@example.com' } }),
);
await system.startJourney(scenarioHire('shot2', '2026-12-01'));
await system.advanceTo('2026-12-03T12:00:00+09:00');
const [mail] = (await system.mailTo('lead@example.com')).filter((m) => /結果/.test(m.subject));
await system.submitForm(formLinkIn(mail), {
  decision: 'accepted',
  remainingConcerns: '通勤時間',
  notes: '家族の事情',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const [, lead] = LOCAL_CONSOLE_USERS;
await page.goto(`${system.runtime.apiUrl}/console`);
await page.getByLabel(/メールアドレス/).fill(lead.email);
await page.getByLabel(/パスワード/).fill(lead.password);
await Promise.all([page.waitForURL(/\/console/), page.getByRole('button', { name: /サインイン/ }).click()]);
await page.goto(`${system.runtime.apiUrl}/console/journeys/${offerId}`);
await page.screenshot({ path: '/tmp/shots/journey.png', fullPage: true });
await page.goto(`${system.runtime.apiUrl}/console/journeys/new`);
await page.screenshot({ path: '/tmp/shots/start.png', fullPage: true });
await page.goto(`${system.runtime.apiUrl}/console/reports?startMonth=2026-12`);
await page.screenshot({ path: '/tmp/shots/reports.png', fullPage: true });
const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
await phone.context().addCookies(await page.context().cookies());
await page.goto(`${system.runtime.apiUrl}/console/journeys/${offerId}`);
await page.setViewportSize({ width: 390, height: 844 });
await page.screenshot({ path: '/tmp/shots/journey-phone.png', fullPage: true });
await browser.close();
await system.runtime.stop();
