import { describe, expect, it } from 'vitest';
import { journeyPageBody } from '#shared/console/journey-page.ts';
import { formFieldOf, journeyRequestFromForm } from '#shared/console/start-journey-form.ts';
import { startJourneyPageBody } from '#shared/console/start-journey-page.ts';
import { timelineLine } from '#shared/console/timeline-words.ts';
import type { FormRecord } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import type { PrivateNotesRecord } from '#shared/data/private-notes.ts';
import { defaultTemplate } from '#shared/domain/journey-template.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import type { JourneyRecords } from '#shared/journeys/journey-records.ts';
import { sampleOffer } from '../support/sample-offer.ts';

const hire = {
  employee: { name: '<b>山田</b> 花子', email: 'hanako@example.com', locale: 'ja' as const },
  hr: { name: '佐藤 綾', email: 'aya@example.co.jp', locale: 'ja' as const },
  manager: { name: '鈴木 一郎', email: 'ichiro@example.co.jp', locale: 'ja' as const },
  startDate: '2027-04-01',
  timezone: 'Asia/Tokyo',
};

const journey: Journey = {
  journeyId: 'j-1',
  key: 'hire:H-1',
  requestHash: 'x',
  hireId: 'H-1',
  phase: 'onboarding',
  status: 'onboarding',
  hire,
  onboarding: { rounds: 3, monthsBetween: 1, sessionTime: '15:00', hireConfirmsSummary: true, pulse: true },
  rounds: [{ round: 1, startsAt: '2027-04-22T09:00:00+09:00', sessionAt: '2027-05-06T15:00:00+09:00' }],
  createdAt: '2027-03-01T00:00:00Z',
  updatedAt: '2027-03-01T00:00:00Z',
} as Journey;

const outcome: FormRecord = {
  journeyId: 'j-1',
  formId: 'f-outcome',
  kind: 'session-outcome',
  recipient: { role: 'hr', ...hire.hr },
  status: 'submitted',
  createdAt: '2027-05-06T16:00:00+09:00',
  linkExpiresAt: '2027-05-20T00:00:00Z',
  round: 1,
  answers: { condition: 'watch', consent: 'none', followUp: '<script>x</script>' },
  hasPrivateNotes: true,
  submittedAt: '2027-05-06T17:00:00+09:00',
};

const records: JourneyRecords = {
  journey,
  forms: [outcome],
  invitations: [],
  timeline: [
    { at: '2027-05-06T08:00:00Z', type: 'outcome.recorded', round: 1 },
    { at: '2027-05-07T08:00:00Z', type: 'alert.handled', note: '電話で<確認>しました' },
  ],
};

const notes: PrivateNotesRecord[] = [
  {
    journeyId: 'j-1',
    formId: 'f-outcome',
    kind: 'session-outcome',
    field: 'privateNotes',
    text: '家族の事情で通院中',
    writtenAt: '2027-05-06T17:00:00+09:00',
  },
];

const page = (overrides: Partial<Parameters<typeof journeyPageBody>[0]> = {}) =>
  journeyPageBody({ records, mayErase: false, csrfToken: 'tok', ...overrides }).toString();

describe("a journey's console page", () => {
  it('shows private notes only when the viewer was given them, and says they exist otherwise', () => {
    expect(page({ privateNotes: notes })).toContain('家族の事情で通院中');
    const withoutNotes = page();
    expect(withoutNotes).not.toContain('家族の事情で通院中');
    expect(withoutNotes).toContain('担当の人事と人事責任者だけが読めます');
  });

  it('offers erasure only to those who may erase, with a typed confirmation', () => {
    expect(page()).not.toContain('/erase');
    const lead = page({ mayErase: true });
    expect(lead).toContain('action="/console/journeys/j-1/erase"');
    expect(lead).toContain('name="confirm"');
  });

  it('escapes what people wrote and puts the CSRF token in every form', () => {
    const body = page({ mayErase: true });
    expect(body).not.toContain('<script>x</script>');
    expect(body).not.toContain('<b>山田</b>');
    expect(body).toContain('&lt;確認&gt;');
    const forms = body.match(/<form /g)?.length ?? 0;
    expect(forms).toBeGreaterThan(0);
    expect(body.match(/name="csrf" value="tok"/g)?.length).toBe(forms);
  });

  it('shows why an action was refused, whatever field the use case named and for actions without a form', () => {
    const moved = page({
      errors: { 'sessions.1': 'must be within working hours' },
      failed: { action: 'move-session', values: {} },
    });
    expect(moved).toContain(
      '<div class="error-summary" role="alert"><ul><li>must be within working hours</li>',
    );
    const reissued = page({
      errors: { form: 'This form is no longer open' },
      failed: { action: 'reissue', values: {} },
    });
    expect(reissued).toContain('<li>This form is no longer open</li>');
  });

  it('draws the condition per round and says everything in Japanese, then English', () => {
    const body = page();
    expect(body).toContain('コンディションの推移 Condition by round: 第1回 Round 1 見守り Watch');
    expect(body).toContain(
      '面談結果を記録（第1回） <span class="en" lang="en">Outcome recorded (round 1)</span>',
    );
  });

  it('names the template the journey runs on, in the version it started with', () => {
    expect(page()).toContain('<dd>default（第1版 <span class="en" lang="en">version 1</span>）</dd>');
    const onEngineers = {
      ...journey,
      template: { ...defaultTemplate(journey.onboarding), name: 'engineers', version: 2 },
    };
    expect(page({ records: { ...records, journey: onEngineers } })).toContain('<dd>engineers（第2版');
  });
});

describe('the console start form', () => {
  const form = (entries: [string, string][]) => new URLSearchParams(entries);

  it('builds the body POST /journeys takes, which its schema accepts', () => {
    const offer = sampleOffer();
    const body = journeyRequestFromForm(
      form([
        ['phase', 'offer'],
        ['key', offer.offerId],
        ['person.name', offer.candidate.name],
        ['person.email', offer.candidate.email],
        ['hr.name', offer.hr.name],
        ['hr.email', offer.hr.email],
        ['manager.name', offer.manager.name],
        ['manager.email', offer.manager.email],
        ['interviewer1.name', '高橋 健'],
        ['interviewer1.email', 'ken@example.co.jp'],
        ['offerMeetingAt', '2027-01-10T14:00'],
        ['respondBy', '2027-01-20'],
        ['startDate', '2027-04-01'],
        ['timezone', 'Asia/Tokyo'],
        ['concerns', '残業\n\n通勤'],
        ['situation', 'relocation'],
        ['rounds', '3'],
        ['sessionTime', '15:00'],
        ['pulse', 'on'],
      ]),
    );
    const parsed = offerSchema.parse(body);
    expect(parsed.offerMeetingAt).toBe('2027-01-10T14:00:00+09:00');
    expect(parsed.interviewers).toHaveLength(1);
    expect(parsed.mentor).toBeUndefined();
    expect(parsed.selection).toEqual({ concerns: ['残業', '通勤'], situation: ['relocation'] });
    expect(parsed.onboarding).toMatchObject({ pulse: true, hireConfirmsSummary: false });
  });

  it('names the template HR chose and leaves the rounds to it; the default keeps the rounds typed', () => {
    const entries: [string, string][] = [
      ['phase', 'onboarding'],
      ['rounds', '3'],
    ];
    expect(journeyRequestFromForm(form([...entries, ['template', 'engineers']]))).toMatchObject({
      template: 'engineers',
      onboarding: { rounds: undefined },
    });
    const onDefault = journeyRequestFromForm(form([...entries, ['template', 'default']]));
    expect(onDefault).toMatchObject({ template: undefined, onboarding: { rounds: 3 } });
  });

  it("puts each of the API's messages next to its own field, in Japanese", () => {
    expect(formFieldOf('candidate.email')).toBe('person.email');
    expect(formFieldOf('interviewers.0.name')).toBe('interviewer1.name');
    expect(formFieldOf('onboarding.sessionTime')).toBe('sessionTime');
    expect(formFieldOf('selection.concerns.2')).toBe('concerns');
    const body = startJourneyPageBody({
      csrfToken: 'tok',
      signedIn: { name: '佐藤', email: 'aya@example.co.jp' },
      templates: ['default'],
      values: form([['person.email', 'not-an-address']]),
      errors: { 'candidate.email': 'must be an email address' },
    }).toString();
    expect(body).toContain(
      'id="person.email-error">メールアドレスを入力してください must be an email address',
    );
    expect(body).toContain('value="not-an-address"');
  });

  it('fills the HR contact with the signed-in person on a fresh form', () => {
    const body = startJourneyPageBody({
      csrfToken: 'tok',
      signedIn: { name: 'Aya', email: 'aya@example.co.jp' },
      templates: ['default', 'engineers'],
    }).toString();
    expect(body).toContain('name="hr.email" value="aya@example.co.jp"');
    expect(body).toContain('<option value="default" selected>default</option><option value="engineers">');
  });
});

describe('timeline words', () => {
  it('names the event, its round and role, never its form id', () => {
    expect(
      timelineLine({
        at: '2027-01-01T00:00:00Z',
        type: 'prep.requested',
        round: 2,
        role: 'manager',
        formId: 'f-9',
      }).toString(),
    ).toBe(
      '事前アンケートを依頼（第2回・上司） <span class="en" lang="en">Prep form sent (round 2, manager)</span>',
    );
  });
});
