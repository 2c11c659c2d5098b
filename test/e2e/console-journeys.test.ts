import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CONSOLE_USERS } from '#infra/local/oidc-provider.ts';
import { type CookieJar, signInOverHttp } from '../support/console-sign-in.ts';
import { formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

const [hr, lead] = LOCAL_CONSOLE_USERS;
const PRIVATE_NOTE = '非公開: 家族の事情で入社日を気にしていた';

let system: LocalSystem;
let hrJar: CookieJar;
let leadJar: CookieJar;

const csrfIn = (page: string) => page.match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';

/** A console form as a browser posts it: its fields, the page's CSRF token and this origin. */
const post = async (jar: CookieJar, path: string, fields: Record<string, string>, from = path) => {
  const page = await (await jar.fetch(`${system.runtime.apiUrl}${from}`)).text();
  const response = await jar.fetch(`${system.runtime.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: system.runtime.apiUrl },
    body: new URLSearchParams({ ...fields, csrf: csrfIn(page) }).toString(),
  });
  await system.runtime.idle();
  return response;
};

const page = async (jar: CookieJar, path: string) => {
  const response = await jar.fetch(`${system.runtime.apiUrl}${path}`);
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
};

const startFields = {
  phase: 'offer',
  key: 'OFR-console-start',
  'person.name': '小林 優',
  'person.email': 'yu.kobayashi@example.com',
  'person.locale': 'ja',
  'hr.name': '人事 花子',
  'hr.email': 'hr@example.com',
  'hr.locale': 'ja',
  'manager.name': '鈴木 一郎',
  'manager.email': 'ichiro.suzuki@example.co.jp',
  'manager.locale': 'ja',
  'interviewer1.name': '高橋 健',
  'interviewer1.email': 'ken.takahashi@example.co.jp',
  offerMeetingAt: '2026-12-08T14:00',
  respondBy: '2026-12-18',
  startDate: '2027-04-01',
  timezone: 'Asia/Tokyo',
  rounds: '3',
  sessionTime: '15:00',
  pulse: 'on',
  hireConfirmsSummary: 'on',
};

beforeAll(async () => {
  system = await startLocalSystem();
  ({ jar: hrJar } = await signInOverHttp(`${system.runtime.apiUrl}/console`, hr.email, hr.password));
  ({ jar: leadJar } = await signInOverHttp(`${system.runtime.apiUrl}/console`, lead.email, lead.password));
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe("the console's journey pages", () => {
  let started: string;

  it('starts a journey from the form with the API’s checks, and nothing on a refusal', async () => {
    const refused = await post(
      hrJar,
      '/console/journeys',
      { ...startFields, 'person.email': 'not-an-address' },
      '/console/journeys/new',
    );
    expect(refused.status).toBe(400);
    const again = await refused.text();
    expect(again).toContain('メールアドレスを入力してください');
    expect(again).toContain('value="not-an-address"');
    expect(await system.mailTo('yu.kobayashi@')).toHaveLength(0);
    const plainHttp = await post(
      hrJar,
      '/console/journeys',
      { ...startFields, location: 'http://meet.example.com/abc' },
      '/console/journeys/new',
    );
    expect(plainHttp.status).toBe(400);
    expect(await plainHttp.text()).toContain('ビデオ会議のURLは https:// で始まるものにしてください');
    expect(await system.mailTo('yu.kobayashi@')).toHaveLength(0);

    const done = await post(
      hrJar,
      '/console/journeys',
      { ...startFields, location: 'https://meet.example.com/abc-defg-hij' },
      '/console/journeys/new',
    );
    expect(done.status).toBe(302);
    const location = done.headers.get('location') ?? '';
    expect(location).toMatch(/^\/console\/journeys\/j-[0-9a-f]{20}\?done=started$/);
    started = location.split('/')[3]?.split('?')[0] ?? '';
    const view = await system.journey(started);
    expect(view.status).toBe('offer-follow-up');
    const [invitation] = await system.mailTo('yu.kobayashi@');
    expect(invitation?.attachments.some((file) => file.filename?.endsWith('.ics'))).toBe(true);
    expect(invitation?.text).toContain('場所：https://meet.example.com/abc-defg-hij');
    expect(invitation?.attachments[0]?.content).toContain('LOCATION:https://meet.example.com/abc-defg-hij');

    const shown = await page(hrJar, location);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('小林 優');
    expect(shown.body).toContain('ジャーニーを開始しました');
    // The start date's form carries the date the journey has.
    expect(shown.body).toContain('name="startDate" required value="2027-04-01"');
  });

  it('moves the start date, and shows what to fix when the date is not one', async () => {
    const refused = await post(
      hrJar,
      `/console/journeys/${started}/move`,
      { change: 'startDate', startDate: '2027-13-01' },
      `/console/journeys/${started}`,
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('日付を入力してください');

    const moved = await post(
      hrJar,
      `/console/journeys/${started}/move`,
      { change: 'startDate', startDate: '2027-04-05' },
      `/console/journeys/${started}`,
    );
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe(`/console/journeys/${started}?done=moved`);
    const view = (await (await system.api(`/journeys/${started}`)).json()) as { startDate: string };
    expect(view.startDate).toBe('2027-04-05');
  });

  it('sends a form’s link again from its open forms', async () => {
    const view = await system.journey(started);
    const insight = view.forms.find((form) => form.kind === 'interviewer-insight');
    const sent = await post(
      hrJar,
      `/console/journeys/${started}/forms/${insight?.formId}/reissue`,
      {},
      `/console/journeys/${started}`,
    );
    expect(sent.status).toBe(302);
    expect(await system.mailTo('ken.takahashi@')).toHaveLength(2);
  });

  it('shows private notes to the HR contact and HR leads only, and lets only them record outcomes', async () => {
    const other = await system.startJourney(
      scenarioOffer('console-notes', { hr: { name: '中村 恵', email: 'megumi.nakamura@example.co.jp' } }),
    );
    await system.advanceTo('2026-12-03T12:00:00+09:00');
    const view = await system.journey(other);
    const outcome = view.forms.find((form) => form.kind === 'offer-outcome' && form.status === 'open');
    expect(outcome).toBeDefined();

    // Not the HR contact: no way to the form, which takes private notes.
    expect((await page(hrJar, `/console/journeys/${other}/forms/${outcome?.formId}`)).status).toBe(403);
    const toForm = await page(leadJar, `/console/journeys/${other}/forms/${outcome?.formId}`);
    expect(toForm.status).toBe(302);
    const [mailed] = (await system.mailTo('megumi.nakamura@')).filter((mail) =>
      /結果|outcome/i.test(mail.subject),
    );
    expect(toForm.location).toBe(formLinkIn(mailed));
    expect(
      (
        await system.submitForm(toForm.location ?? '', {
          decision: 'accepted',
          remainingConcerns: '',
          notes: PRIVATE_NOTE,
        })
      ).status,
    ).toBe(200);

    const asHr = await page(hrJar, `/console/journeys/${other}`);
    expect(asHr.body).not.toContain(PRIVATE_NOTE);
    expect(asHr.body).toContain('担当の人事と人事責任者だけが読めます');
    expect((await page(leadJar, `/console/journeys/${other}`)).body).toContain(PRIVATE_NOTE);
  });

  it('lets only HR leads erase, once the person’s name is typed', async () => {
    expect((await page(hrJar, `/console/journeys/${started}`)).body).not.toContain('/erase');
    const byHr = await post(
      hrJar,
      `/console/journeys/${started}/erase`,
      { confirm: '小林 優' },
      `/console/journeys/${started}`,
    );
    expect(byHr.status).toBe(403);
    expect((await system.api(`/journeys/${started}`)).status).toBe(200);

    const mistyped = await post(
      leadJar,
      `/console/journeys/${started}/erase`,
      { confirm: '小林' },
      `/console/journeys/${started}`,
    );
    expect(mistyped.status).toBe(400);
    expect((await system.api(`/journeys/${started}`)).status).toBe(200);

    const erased = await post(
      leadJar,
      `/console/journeys/${started}/erase`,
      { confirm: '小林 優' },
      `/console/journeys/${started}`,
    );
    expect(erased.status).toBe(302);
    expect((await system.api(`/journeys/${started}`)).status).toBe(410);
    expect((await page(leadJar, `/console/journeys/${started}`)).status).toBe(404);
  });

  it('lets every HR person read the company calendar and only leads change it, with the API’s checks', async () => {
    const read = await page(hrJar, '/console/settings/calendar');
    expect(read.status).toBe(200);
    expect(read.body).toContain('12-29..01-03');
    expect(read.body).not.toContain('保存する');
    const byHr = await post(
      hrJar,
      '/console/settings/calendar',
      { closedDays: '08-13..08-16', from: '09:00', to: '18:00' },
      '/console/settings/calendar',
    );
    expect(byHr.status).toBe(403);

    const wrong = await post(
      leadJar,
      '/console/settings/calendar',
      { closedDays: '12-29..01-03\n13-01', from: '18:00', to: '09:00' },
      '/console/settings/calendar',
    );
    expect(wrong.status).toBe(400);
    const shown = await wrong.text();
    expect(shown).toContain('MM-DD、MM-DD..MM-DD、YYYY-MM-DD のいずれかで入力してください');
    expect(shown).toContain('始業は終業より前にしてください');

    const saved = await post(
      leadJar,
      '/console/settings/calendar',
      { closedDays: '12-29..01-03\n08-13..08-16', from: '09:30', to: '18:00' },
      '/console/settings/calendar',
    );
    expect(saved.status).toBe(302);
    expect(await (await system.api('/settings/calendar')).json()).toEqual({
      closedDays: ['12-29..01-03', '08-13..08-16'],
      workingHours: { from: '09:30', to: '18:00' },
    });
  });

  it('answers an edited address with a readable page, never an error', async () => {
    const queue = await page(hrJar, '/console/attention?cursor=not-a-cursor');
    expect(queue.status).toBe(200);
    expect(queue.body).toContain('要対応 (');
    const report = await page(hrJar, '/console/reports?startMonth=2027-13');
    expect(report.status).toBe(400);
    expect(report.body).toContain('月を入力してください（例：2027-04） must be a month like 2027-04');
    expect((await page(hrJar, '/console/journeys/not-a-journey')).status).toBe(404);
  });
});
