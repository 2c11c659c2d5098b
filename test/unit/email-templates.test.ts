import { describe, expect, it } from 'vitest';
import type { Locale } from '#shared/domain/locale.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { buildOfferBrief } from '#shared/domain/offer-brief.ts';
import { buildSessionBrief, newHireTopicsSection } from '#shared/domain/session-brief.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { type AlertReason, renderAlert } from '#shared/email/templates/alert.ts';
import { renderCandidateInvitation } from '#shared/email/templates/candidate-invitation.ts';
import { renderHandoff } from '#shared/email/templates/handoff.ts';
import { renderInterviewerInsightRequest } from '#shared/email/templates/interviewer-insight-request.ts';
import { renderJourneySummary } from '#shared/email/templates/journey-summary.ts';
import { renderManagerPrepRequest } from '#shared/email/templates/manager-prep-request.ts';
import { renderMeetingBrief } from '#shared/email/templates/meeting-brief.ts';
import { renderOutcomeNotRecorded } from '#shared/email/templates/outcome-not-recorded.ts';
import { renderOutcomeRequest } from '#shared/email/templates/outcome-request.ts';
import { renderPulseCheck } from '#shared/email/templates/pulse-check.ts';
import { renderSessionBrief } from '#shared/email/templates/session-brief.ts';
import { renderSessionInvitation, sessionTitle } from '#shared/email/templates/session-invitation.ts';
import { renderSessionOutcomeRequest } from '#shared/email/templates/session-outcome-request.ts';
import { renderSummaryConfirmationRequest } from '#shared/email/templates/summary-confirmation-request.ts';
import { renderSummaryNotShared } from '#shared/email/templates/summary-not-shared.ts';
import { renderTeamSessionReminder } from '#shared/email/templates/team-session-reminder.ts';
import { renderTeamUpdate } from '#shared/email/templates/team-update.ts';
import { renderTopicsUpdate } from '#shared/email/templates/topics-update.ts';
import { sampleOffer } from '../support/sample-offer.ts';

const hostile = `<script>alert("x")</script> O'Brien & 🎉\r\nBcc: evil@example.com`;
const formUrl = 'https://forms.example.com/forms/eyJqIjoiMSJ9.c2ln?x=1&y=2';
const offer = offerSchema.parse(sampleOffer());
const locales: Locale[] = ['ja', 'en'];
const sessionAt = '2027-05-06T15:00:00+09:00';

const templates: Record<string, (locale: Locale, name: string) => RenderedEmail> = {
  'interviewer insight request': (locale, name) =>
    renderInterviewerInsightRequest({
      locale,
      interviewerName: name,
      candidateName: name,
      hrName: name,
      formUrl,
      deadline: '2026-12-02T09:00:00Z',
      zone: 'Asia/Tokyo',
      reminder: false,
    }),
  'meeting brief': (locale, name) =>
    renderMeetingBrief({
      locale,
      hrName: name,
      candidateName: name,
      meetingAt: offer.offerMeetingAt,
      zone: offer.timezone,
      brief: buildOfferBrief(
        {
          offer: { ...offer, selection: { concerns: [name], situation: ['multiple-offers'] } },
          insights: [{ interviewerName: name, status: 'submitted', concerns: name, strengths: name }],
        },
        locale,
      ),
    }),
  'candidate invitation': (locale, name) =>
    renderCandidateInvitation({
      locale,
      candidateName: name,
      hrName: name,
      meetingAt: offer.offerMeetingAt,
      zone: offer.timezone,
      durationMinutes: 60,
    }),
  'outcome request': (locale, name) =>
    renderOutcomeRequest({
      locale,
      hrName: name,
      candidateName: name,
      formUrl,
      ask: 1,
      respondBy: '2026-12-15',
    }),
  handoff: (locale, name) =>
    renderHandoff({
      locale,
      recipientName: name,
      role: 'manager',
      candidateName: name,
      startDate: '2027-04-01',
      remainingConcerns: name,
    }),
  'manager prep request': (locale, name) =>
    renderManagerPrepRequest({
      locale,
      recipientName: name,
      role: 'manager',
      employeeName: name,
      hrName: name,
      round: 2,
      formUrl,
      deadline: '2027-05-05T09:00:00Z',
      zone: 'Asia/Tokyo',
      reminder: true,
    }),
  'session brief': (locale, name) =>
    renderSessionBrief({
      locale,
      hrName: name,
      employeeName: name,
      round: 2,
      sessionAt,
      zone: 'Asia/Tokyo',
      brief: buildSessionBrief(
        {
          round: 2,
          roundsTotal: 3,
          employeeName: name,
          prep: [
            {
              role: 'manager',
              name,
              status: 'submitted',
              progress: name,
              wellbeing: 'worried',
              topics: name,
            },
          ],
          earlier: [{ round: 1, condition: 'watch' }],
          threeParty: true,
        },
        locale,
      ),
    }),
  'session invitation': (locale, name) =>
    renderSessionInvitation({
      locale,
      employeeName: name,
      hrName: name,
      round: 2,
      sessionAt,
      zone: 'Asia/Tokyo',
      durationMinutes: 45,
      threeParty: true,
      managerName: name,
      topicsUrl: formUrl,
    }),
  'topics update': (locale, name) =>
    renderTopicsUpdate({
      locale,
      hrName: name,
      employeeName: name,
      round: 1,
      sessionAt,
      zone: 'Asia/Tokyo',
      section: newHireTopicsSection({ topics: name, keepFromTeam: name }, locale) ?? {
        key: 'none',
        heading: '',
        items: [],
      },
    }),
  'team session reminder': (locale, name) =>
    renderTeamSessionReminder({
      locale,
      managerName: name,
      employeeName: name,
      round: 1,
      sessionAt,
      zone: 'Asia/Tokyo',
    }),
  'session outcome request': (locale, name) =>
    renderSessionOutcomeRequest({
      locale,
      hrName: name,
      employeeName: name,
      round: 1,
      formUrl,
      deadline: sessionAt,
      zone: 'Asia/Tokyo',
      reminder: true,
    }),
  'outcome not recorded': (locale, name) =>
    renderOutcomeNotRecorded({ locale, recipientName: name, hrName: name, employeeName: name, round: 2 }),
  'team update with a shared summary': (locale, name) =>
    renderTeamUpdate({
      locale,
      recipientName: name,
      role: 'mentor',
      employeeName: name,
      round: 1,
      teamSummary: name,
    }),
  'summary confirmation request': (locale, name) =>
    renderSummaryConfirmationRequest({
      locale,
      employeeName: name,
      hrName: name,
      round: 1,
      formUrl,
      deadline: sessionAt,
      zone: 'Asia/Tokyo',
    }),
  'summary declined': (locale, name) =>
    renderSummaryNotShared({ locale, hrName: name, employeeName: name, round: 2, reason: 'declined' }),
  'summary not confirmed in time': (locale, name) =>
    renderSummaryNotShared({ locale, hrName: name, employeeName: name, round: 2, reason: 'no-answer' }),
  'team update without consent': (locale, name) =>
    renderTeamUpdate({ locale, recipientName: name, role: 'manager', employeeName: name, round: 1 }),
  alert: (locale, name) =>
    renderAlert({
      locale,
      audience: 'lead',
      recipientName: name,
      hrName: name,
      employeeName: name,
      round: 2,
      reason: 'condition-alert',
      followUpAt: '2027-06-10T15:00:00+09:00',
      zone: 'Asia/Tokyo',
      journeyUrl: 'https://api.example.com/journeys/j-1?x=1&y=2',
    }),
  'journey summary': (locale, name) =>
    renderJourneySummary({
      locale,
      hrName: name,
      employeeName: name,
      rounds: [
        { round: 1, sessionAt, condition: 'good', alerts: 0 },
        { round: 2, sessionAt: '2027-06-07T15:00:00+09:00', condition: 'alert', alerts: 1 },
        { round: 3, sessionAt: '2027-07-06T15:00:00+09:00', alerts: 0 },
      ],
      pulse: [{ answer: 'cloudy' }],
      zone: 'Asia/Tokyo',
    }),
};

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

// What a person sees of the HTML body: no head, no tags, entities decoded, whitespace collapsed.
const visibleText = (html: string) =>
  decode(
    html
      .replace(/<head>[\s\S]*<\/head>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );

// The plain-text body, line by line, without the list markers, headings marks and labels of the text layout.
const textFragments = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^(・|- |\d+\. |■ |> | +)/, ''))
    .flatMap((line) => line.split(/：|: /))
    .map((fragment) => fragment.replace(/\s+/g, ' ').trim())
    .filter((fragment) => fragment !== '');

describe.each(Object.entries(templates))('the %s email', (_name, render) => {
  it.each(locales)('in %s, says the same thing in text and HTML', (locale) => {
    const email = render(locale, '山田 花子');
    const visible = visibleText(email.html);
    for (const fragment of textFragments(email.text)) expect(visible).toContain(fragment);
    expect(email.html).toContain(`<html lang="${locale}">`);
    expect(email.html).toContain('<meta charset="utf-8">');
  });

  it.each(locales)(
    'in %s, escapes a hostile name in the HTML and keeps the subject on one line',
    (locale) => {
      const email = render(locale, hostile);
      expect(email.html).not.toContain('<script>');
      expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; 🎉');
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.text).toContain('<script>alert("x")</script>');
    },
  );

  it('is written in Japanese by default and in English on request', () => {
    const japanese = /[ぁ-んァ-ヶ]/;
    expect(render('ja', 'Hanako').text).toMatch(japanese);
    expect(render('en', 'Hanako').text).not.toMatch(japanese);
  });
});

describe('the interviewer insight request', () => {
  const request = (locale: Locale, reminder: boolean) =>
    renderInterviewerInsightRequest({
      locale,
      interviewerName: '高橋 健',
      candidateName: '山田 花子',
      hrName: '佐藤 綾',
      formUrl,
      deadline: '2026-12-02T09:00:00Z',
      zone: 'Asia/Tokyo',
      reminder,
    });

  it('asks for worries the candidate never said out loud, impressions and strengths', () => {
    expect(request('ja', false).text).toMatch(/口にしなかった[\s\S]*印象[\s\S]*強み/);
    expect(request('en', false).text).toMatch(/never said out loud[\s\S]*impressions[\s\S]*Strengths/);
  });

  it('shows the deadline and links to the form', () => {
    const email = request('ja', false);
    expect(email.text).toContain('2026年12月2日(水) 18:00 (日本時間)');
    expect(email.text).toContain(formUrl);
    expect(email.html).toContain(`href="${formUrl.replace(/&/g, '&amp;')}"`);
  });

  it('folds a name with a line break into the one-line subject', () => {
    const email = renderInterviewerInsightRequest({
      locale: 'en',
      interviewerName: 'Ken',
      candidateName: 'Hanako\r\nBcc: evil@example.com',
      hrName: 'Aya',
      formUrl,
      deadline: '2026-12-02T09:00:00Z',
      zone: 'Asia/Tokyo',
      reminder: false,
    });
    expect(email.subject).toBe(
      'Before the offer meeting: what did you sense in Hanako Bcc: evil@example.com?',
    );
  });

  it('says it is a reminder in the subject only when it is one', () => {
    expect(request('ja', true).subject).toMatch(/^【リマインド】/);
    expect(request('ja', false).subject).not.toContain('リマインド');
    expect(request('en', true).subject).toMatch(/^Reminder: /);
    expect(request('en', false).subject).not.toContain('Reminder');
  });

  it('refuses a link that is not a web address', () => {
    expect(() =>
      renderInterviewerInsightRequest({
        locale: 'en',
        interviewerName: 'Ken',
        candidateName: 'Hanako',
        hrName: 'Aya',
        formUrl: 'javascript:alert(1)',
        deadline: '2026-12-02T09:00:00Z',
        zone: 'Asia/Tokyo',
        reminder: false,
      }),
    ).toThrow();
  });
});

describe('the meeting brief', () => {
  it('carries every section of the brief, with the agenda as numbered steps', () => {
    const brief = buildOfferBrief({ offer, insights: [] }, 'ja');
    const email = renderMeetingBrief({
      locale: 'ja',
      hrName: '佐藤 綾',
      candidateName: '山田 花子',
      meetingAt: offer.offerMeetingAt,
      zone: offer.timezone,
      brief,
    });
    for (const section of brief.sections) {
      expect(email.text).toContain(section.heading);
      for (const item of section.items) expect(email.text).toContain(item);
    }
    expect(email.text).toContain(`1. ${brief.sections[0]?.items[0]}`);
    expect(email.html).toContain('<ol');
    expect(email.subject).toContain('2026年12月3日(木) 10:00');
  });
});

describe('the candidate invitation', () => {
  const invitation = (locale: Locale) =>
    renderCandidateInvitation({
      locale,
      candidateName: '山田 花子',
      hrName: '佐藤 綾',
      meetingAt: offer.offerMeetingAt,
      zone: offer.timezone,
      durationMinutes: 60,
    });

  it('is worded as support for the decision, never as an assessment', () => {
    const ja = invitation('ja');
    expect(`${ja.subject}\n${ja.text}`).not.toMatch(/評価|審査|面接|選考結果|合否/);
    expect(ja.text).toContain('持ち帰って');
    const en = invitation('en');
    expect(`${en.subject}\n${en.text}`).not.toMatch(/assess|evaluat|interview|screen|test/i);
    expect(en.text).toMatch(/do not need to decide during the meeting/);
  });

  it('gives the time and length, and says the calendar file is attached', () => {
    expect(invitation('ja').text).toMatch(/2026年12月3日\(木\) 10:00 \(日本時間\)[\s\S]*約60分[\s\S]*\.ics/);
    expect(invitation('en').text).toMatch(
      /Thu, 3 Dec 2026, 10:00 \(Asia\/Tokyo\)[\s\S]*60 minutes[\s\S]*calendar file/,
    );
  });
});

describe('the outcome request', () => {
  const outcome = (locale: Locale, ask: number) =>
    renderOutcomeRequest({
      locale,
      hrName: '佐藤 綾',
      candidateName: '山田 花子',
      formUrl,
      ask,
      respondBy: '2026-12-15',
    });

  it('shows the reply deadline and says the notes stay with HR', () => {
    expect(outcome('ja', 1).text).toMatch(/2026年12月15日\(火\)[\s\S]*人事メモ[\s\S]*共有されません/);
    expect(outcome('en', 1).text).toMatch(/Tue, 15 Dec 2026[\s\S]*never shared/);
  });

  it('asks again in its own words after an undecided answer', () => {
    expect(outcome('ja', 2).subject).toContain('2回目');
    expect(outcome('ja', 2).text).toContain('検討中');
    expect(outcome('en', 3).subject).toContain('check 3');
    expect(outcome('en', 1).subject).not.toBe(outcome('en', 2).subject);
  });
});

describe('the handoff', () => {
  const handoff = (locale: Locale, role: 'manager' | 'mentor', remainingConcerns: string) =>
    renderHandoff({
      locale,
      recipientName: '鈴木 一郎',
      role,
      candidateName: '山田 花子',
      startDate: '2027-04-01',
      remainingConcerns,
    });

  it('says the candidate accepted, when they start, and the worries that remain', () => {
    const email = handoff('ja', 'manager', '通勤時間が長くなること\n最初の仕事の難しさ');
    expect(email.subject).toContain('承諾');
    expect(email.subject).toContain('2027年4月1日(木)');
    expect(email.text).toContain('> 通勤時間が長くなること\n> 最初の仕事の難しさ');
    expect(email.html).toContain('通勤時間が長くなること<br>');
  });

  it('says so when no worry remains', () => {
    expect(handoff('en', 'manager', '  ').text).toContain('HR noted no remaining worries');
  });

  it('asks the manager and the mentor for different things', () => {
    expect(handoff('en', 'manager', 'x').text).not.toBe(handoff('en', 'mentor', 'x').text);
  });

  it("never carries HR's private notes, even when a caller passes them along", () => {
    const email = renderHandoff({
      locale: 'ja',
      recipientName: '鈴木 一郎',
      role: 'mentor',
      candidateName: '山田 花子',
      startDate: '2027-04-01',
      remainingConcerns: '通勤',
      ...{ notes: '年収交渉の内情' },
    } as Parameters<typeof renderHandoff>[0]);
    expect(`${email.subject}${email.text}${email.html}`).not.toContain('年収交渉の内情');
  });
});

describe('the manager prep request', () => {
  const request = (locale: Locale, role: 'manager' | 'mentor', reminder = false) =>
    renderManagerPrepRequest({
      locale,
      recipientName: '鈴木 一郎',
      role,
      employeeName: '山田 花子',
      hrName: '佐藤 綾',
      round: 1,
      formUrl,
      deadline: '2027-05-05T09:00:00Z',
      zone: 'Asia/Tokyo',
      reminder,
    });

  it('asks about progress at work, how the person seems and topics for HR, and says why', () => {
    expect(request('ja', 'manager').text).toMatch(
      /最近の業務の進捗[\s\S]*本人の様子（順調そう・少し気がかり・心配）[\s\S]*話題にしてほしいこと[\s\S]*小さな変化/,
    );
    expect(request('en', 'manager').text).toMatch(
      /Recent progress at work[\s\S]*How they seem \(doing well, some concern, worried\)[\s\S]*Topics you would like HR to raise[\s\S]*small signs of trouble show early/,
    );
  });

  it('names the round, the deadline and the form link', () => {
    const email = request('ja', 'manager');
    expect(email.subject).toContain('第1回');
    expect(email.text).toContain('2027年5月5日(水) 18:00 (日本時間)');
    expect(email.text).toContain(formUrl);
    expect(request('en', 'manager').subject).toContain('round 1');
  });

  it('speaks to the manager or the mentor, and says when it is a reminder', () => {
    expect(request('ja', 'manager').text).toContain('上司の立場');
    expect(request('ja', 'mentor').text).toContain('メンターの立場');
    expect(request('ja', 'manager', true).subject).toMatch(/^【リマインド】/);
    expect(request('en', 'mentor', true).subject).toMatch(/^Reminder: /);
    expect(request('en', 'mentor').subject).not.toContain('Reminder');
  });
});

describe('the session brief email', () => {
  it('carries every section of the brief, in order', () => {
    const brief = buildSessionBrief(
      {
        round: 1,
        roundsTotal: 3,
        employeeName: '山田 花子',
        prep: [{ role: 'manager', name: '鈴木 一郎', status: 'submitted', wellbeing: 'worried' }],
        earlier: [],
        threeParty: false,
      },
      'ja',
    );
    const email = renderSessionBrief({
      locale: 'ja',
      hrName: '佐藤 綾',
      employeeName: '山田 花子',
      round: 1,
      sessionAt,
      zone: 'Asia/Tokyo',
      brief,
    });
    let from = 0;
    for (const part of brief.sections) {
      const at = email.text.indexOf(part.heading, from);
      expect(at, part.key).toBeGreaterThan(-1);
      from = at;
      for (const item of part.items) expect(email.text).toContain(item);
    }
    expect(email.subject).toBe(
      '第1回フォローアップ面談の準備資料：山田 花子さん（2027年5月6日(木) 15:00 (日本時間)）',
    );
  });
});

describe('the session invitation', () => {
  const invitationInput = (locale: Locale) => ({
    locale,
    employeeName: '山田 花子',
    hrName: '佐藤 綾',
    round: 1,
    sessionAt,
    zone: 'Asia/Tokyo',
    durationMinutes: 45,
    threeParty: false,
    managerName: '鈴木 一郎',
  });
  const invitation = (
    locale: Locale,
    options: { round?: number; threeParty?: boolean; followUp?: { afterSession: boolean } } = {},
  ) =>
    renderSessionInvitation({
      locale,
      employeeName: '山田 花子',
      hrName: '佐藤 綾',
      round: options.round ?? 1,
      sessionAt,
      zone: 'Asia/Tokyo',
      durationMinutes: 45,
      threeParty: options.threeParty ?? false,
      managerName: '鈴木 一郎',
      ...(options.followUp === undefined ? {} : { followUp: options.followUp }),
    });
  const variants = [
    {},
    { round: 2, threeParty: true },
    { round: 2, followUp: { afterSession: true } },
    { round: 1, followUp: { afterSession: false } },
  ];

  it('never uses evaluation wording toward the employee', () => {
    for (const options of variants) {
      const ja = invitation('ja', options);
      expect(`${ja.subject}\n${ja.text}`).not.toMatch(/評価|査定|審査|面接|合否/);
      const en = invitation('en', options);
      expect(`${en.subject}\n${en.text}`).not.toMatch(/assess|evaluat|apprais|review|interview|test/i);
    }
  });

  it('offers support: condition, career, work-life balance, what is hard to say to the team', () => {
    expect(invitation('ja').text).toMatch(
      /コンディション[\s\S]*キャリア[\s\S]*仕事とプライベートのバランス[\s\S]*チームの中では話しにくいこと/,
    );
    expect(invitation('en').text).toMatch(
      /condition[\s\S]*career[\s\S]*work and private life[\s\S]*hard to say within the team/,
    );
  });

  it('says what they tell HR stays with HR unless they agree, and that an .ics is attached', () => {
    expect(invitation('ja').text).toMatch(/人事の中にとどめます[\s\S]*同意した内容だけ[\s\S]*\.ics/);
    expect(invitation('en').text).toMatch(/stays with HR[\s\S]*agree to share[\s\S]*\(\.ics\)/);
    expect(invitation('ja').text).toMatch(/2027年5月6日\(木\) 15:00 \(日本時間\)[\s\S]*約45分/);
  });

  it('links the optional topics form, saying only HR reads it, never the manager or mentor', () => {
    const url = 'https://forms.example.com/forms/topics.sig';
    const ja = renderSessionInvitation({ ...invitationInput('ja'), topicsUrl: url });
    expect(ja.text).toMatch(
      /話したいこと[\s\S]*任意[\s\S]*読むのは人事だけ[\s\S]*上司やメンターが見ることはありません/,
    );
    expect(ja.text).toContain(url);
    expect(ja.html).toContain(`href="${url}"`);
    const en = renderSessionInvitation({ ...invitationInput('en'), topicsUrl: url });
    expect(en.text).toMatch(
      /would like to talk about[\s\S]*optional[\s\S]*only HR reads it: never your manager or mentor/,
    );
    expect(en.text).toContain(url);
    // An invitation without a form (an extra session) has no link to it.
    expect(invitation('ja').text).not.toContain('/forms/');
    expect(invitation('en').text).not.toContain('optional');
  });

  it('mentions the manager only when they may join, as optional', () => {
    expect(invitation('ja').text).not.toContain('鈴木 一郎');
    expect(invitation('ja', { round: 2, threeParty: true }).text).toMatch(
      /鈴木 一郎さんも同席[\s\S]*任意[\s\S]*人事とだけ/,
    );
    expect(invitation('en', { round: 2, threeParty: true }).text).toMatch(
      /鈴木 一郎, may join[\s\S]*optional[\s\S]*HR only/,
    );
  });

  it('words an extra follow-up session as an extra conversation, never a short one while it lasts an hour', () => {
    const ja = invitation('ja', { round: 2, followUp: { afterSession: true } });
    expect(ja.subject).toContain('追加の1on1');
    expect(ja.text).toContain('1on1を追加で');
    const en = invitation('en', { round: 2, followUp: { afterSession: true } });
    expect(en.subject).toMatch(/^An extra 1on1 with HR/);
    for (const email of [ja, en]) expect(`${email.subject}\n${email.text}`).not.toMatch(/short|短い/);
    expect(invitation('en', { round: 2 }).subject).toContain('round 2');
  });

  it('speaks of the last conversation only once a 1on1 took place', () => {
    const after = { round: 2, followUp: { afterSession: true } };
    const before = { round: 1, followUp: { afterSession: false } };
    expect(invitation('ja', after).text).toMatch(/前回の面談に続いて[\s\S]*前回お話ししたこと/);
    expect(invitation('en', after).text).toMatch(
      /Following on from our last conversation[\s\S]*since we last talked/,
    );
    expect(invitation('ja', before).text).not.toMatch(/前回/);
    expect(invitation('ja', before).text).toContain('定例の面談とは別に');
    expect(invitation('en', before).text).not.toMatch(/last conversation|last talked/);
    expect(invitation('en', before).text).toContain('Besides the regular 1on1s');
  });

  it('gives the calendar entry a short title', () => {
    expect(sessionTitle('ja', '佐藤 綾', 2)).toBe('人事との1on1 第2回（佐藤 綾）');
    expect(sessionTitle('en', 'Aya', 2)).toBe('1on1 with Aya (round 2)');
    expect(sessionTitle('ja', '佐藤 綾', 2, true)).toBe('人事との追加の1on1（佐藤 綾）');
    expect(sessionTitle('en', 'Aya', 2, true)).toBe('Extra 1on1 with Aya');
  });
});

describe('the team session reminder', () => {
  it('asks the manager for their own session on work, feedback, wins and trust, apart from HR', () => {
    const ja = renderTeamSessionReminder({
      locale: 'ja',
      managerName: '鈴木 一郎',
      employeeName: '山田 花子',
      round: 1,
      sessionAt,
      zone: 'Asia/Tokyo',
    });
    expect(ja.text).toMatch(
      /人事の1on1とは別に[\s\S]*進捗[\s\S]*フィードバック[\s\S]*言葉にして[\s\S]*信頼関係/,
    );
    const en = renderTeamSessionReminder({
      locale: 'en',
      managerName: 'Ichiro',
      employeeName: 'Hanako',
      round: 1,
      sessionAt,
      zone: 'Asia/Tokyo',
    });
    expect(en.text).toMatch(
      /separately from HR's 1on1[\s\S]*progress[\s\S]*Feedback[\s\S]*into words[\s\S]*trust/,
    );
  });
});

describe('the session outcome request', () => {
  it('links to the form and says what stays with HR and what is shared with consent', () => {
    const ja = renderSessionOutcomeRequest({
      locale: 'ja',
      hrName: '佐藤 綾',
      employeeName: '山田 花子',
      round: 2,
      formUrl,
      deadline: '2027-04-08T18:00:00+09:00',
      zone: 'Asia/Tokyo',
      reminder: false,
    });
    expect(ja.subject).toContain('第2回');
    expect(ja.text).toMatch(/2027年4月8日[\s\S]*18:00[\s\S]*「記録なし」[\s\S]*人事責任者/);
    expect(ja.text).toContain(formUrl);
    expect(ja.text).toMatch(
      /良好・見守り・要フォロー[\s\S]*人事メモ[\s\S]*誰にも共有されません[\s\S]*同意がある場合に限り/,
    );
    const en = renderSessionOutcomeRequest({
      locale: 'en',
      hrName: 'Aya',
      employeeName: 'Hanako',
      round: 2,
      formUrl,
      deadline: '2027-04-08T18:00:00+09:00',
      zone: 'Asia/Tokyo',
      reminder: true,
    });
    expect(en.subject).toMatch(/^Reminder: /);
    expect(en.text).toMatch(/closed as not recorded,\s+the HR lead\s+is told/);
    expect(en.text).toMatch(/good, watch, alert[\s\S]*never shared[\s\S]*with their consent/);
  });
});

describe('the note that a 1on1 was not recorded', () => {
  it('tells the HR lead, by name or by role, that the round closed without a record and the next goes ahead', () => {
    const ja = renderOutcomeNotRecorded({
      locale: 'ja',
      hrName: '佐藤 綾',
      employeeName: '山田 花子',
      round: 1,
    });
    expect(ja.text).toMatch(
      /^人事責任者様[\s\S]*第1回[\s\S]*「記録なし」[\s\S]*上司・メンターには何も[\s\S]*予定どおり/,
    );
    const en = renderOutcomeNotRecorded({
      locale: 'en',
      recipientName: 'Naoko',
      hrName: 'Aya',
      employeeName: 'Hanako',
      round: 1,
    });
    expect(en.text).toMatch(/^Dear Naoko,[\s\S]*closed as not recorded[\s\S]*next round goes ahead/);
    expect(`${ja.text}${en.text}`).not.toMatch(/評価|evaluat/);
  });

  it("names the round's extra follow-up session as such, and the monthly rounds as going on", () => {
    const input = { hrName: '佐藤 綾', employeeName: '山田 花子', round: 1, followUp: true };
    const ja = renderOutcomeNotRecorded({ locale: 'ja', ...input });
    expect(ja.subject).toBe('山田 花子さんとの追加のフォロー面談（第1回の期間中）の記録がありませんでした');
    expect(ja.text).toContain('月ごとの面談は予定どおり進みます。');
    const en = renderOutcomeNotRecorded({ locale: 'en', ...input });
    expect(en.subject).toBe('The extra follow-up 1on1 with 山田 花子 (round 1) was not recorded');
    expect(en.text).toContain('The monthly rounds go on as planned.');
  });
});

describe('the request to confirm what is shared', () => {
  const request = (locale: Locale) =>
    renderSummaryConfirmationRequest({
      locale,
      employeeName: '山田 花子',
      hrName: '佐藤 綾',
      round: 2,
      formUrl,
      deadline: '2027-04-07T09:00:00Z',
      zone: 'Asia/Tokyo',
    });

  it('asks the new hire, by name, to read the text before the team sees it, with the link and the deadline', () => {
    const ja = request('ja');
    expect(ja.subject).toBe('第2回人事面談の内容のうち、チームに共有する文面のご確認のお願い');
    expect(ja.text).toMatch(/^山田 花子 さん\n[\s\S]*上司・メンターに届く前に/);
    expect(ja.text).toContain(`文面を確認して選ぶ\n${formUrl}`);
    expect(ja.text).toContain('ご回答の期限：2027年4月7日(水) 18:00 (日本時間)');
    const en = request('en');
    expect(en.text).toMatch(/^Dear 山田 花子,\n[\s\S]*Before anything reaches them/);
    expect(en.text).toContain('Please answer by: ');
  });

  it('says what each answer does, that silence shares nothing, and that it is support, not evaluation', () => {
    const ja = request('ja').text;
    expect(ja).toMatch(
      /「共有してよい」：[^\n]*この文面だけ[\s\S]*「共有しない」：[^\n]*面談を実施したことだけ/,
    );
    expect(ja).toContain('期限までにご回答がない場合は、何も共有しません。');
    expect(ja).toContain('評価のためのものではなく');
    const en = request('en').text;
    expect(en).toMatch(/"Share it"[\s\S]*"Don't share it"[\s\S]*nothing is shared/);
    expect(en).toContain('never an evaluation');
  });

  it('leaves the summary itself for the page behind the link', () => {
    expect(request('ja').html).not.toMatch(/<blockquote/);
  });

  it('after an extra follow-up session, says that without a yes the team is not told of it at all', () => {
    const input = {
      employeeName: '山田 花子',
      hrName: '佐藤 綾',
      round: 2,
      formUrl,
      deadline: '2027-04-07T09:00:00Z',
      zone: 'Asia/Tokyo',
      followUp: true,
    };
    const ja = renderSummaryConfirmationRequest({ locale: 'ja', ...input });
    expect(ja.subject).toBe('追加のフォロー面談の内容のうち、チームに共有する文面のご確認のお願い');
    expect(ja.text).toContain(
      '「共有しない」：上司・メンターには、この面談を実施したことも含めて何も伝わりません。',
    );
    const en = renderSummaryConfirmationRequest({ locale: 'en', ...input });
    expect(en.text).toContain('your extra follow-up 1on1 with 佐藤 綾');
    expect(en.text).toContain('not even that this session took place');
  });
});

describe('the note that a team summary was not shared', () => {
  const note = (locale: Locale, reason: 'declined' | 'no-answer') =>
    renderSummaryNotShared({ locale, hrName: '佐藤 綾', employeeName: '山田 花子', round: 1, reason });

  it('tells the HR contact why, and that the team heard only that the session took place', () => {
    expect(note('ja', 'declined').subject).toBe(
      '山田 花子さんの第1回面談のチーム共有メモは共有されませんでした',
    );
    expect(note('ja', 'declined').text).toMatch(
      /^佐藤 綾 さん[\s\S]*「共有しない」と選びました[\s\S]*面談を実施したことだけ/,
    );
    expect(note('ja', 'no-answer').text).toContain('期限までに確認の回答がありませんでした');
    expect(note('en', 'declined').text).toMatch(
      /^Dear 佐藤 綾,[\s\S]*chose not to share[\s\S]*only that the session took place/,
    );
    expect(note('en', 'no-answer').text).toContain('did not confirm the team summary');
  });

  it('after an extra follow-up session, says the team was not told of it', () => {
    const input = { hrName: '佐藤 綾', employeeName: '山田 花子', round: 1, followUp: true };
    const ja = renderSummaryNotShared({ locale: 'ja', reason: 'declined', ...input });
    expect(ja.subject).toBe(
      '山田 花子さんの追加のフォロー面談（第1回の期間中）のチーム共有メモは共有されませんでした',
    );
    expect(ja.text).toContain('上司・メンターには、この面談のことを伝えていません。');
    const en = renderSummaryNotShared({ locale: 'en', reason: 'no-answer', ...input });
    expect(en.text).toMatch(/after the extra follow-up 1on1 of round 1[\s\S]*were not told of this session/);
  });

  it('asks HR to respect the choice rather than press for a yes', () => {
    expect(note('ja', 'declined').text).toContain('ご本人の選択はそのまま尊重してください');
    expect(note('en', 'declined').text).toContain('Their choice is respected as it is');
  });
});

describe('the team update', () => {
  const update = (locale: Locale, teamSummary?: string) =>
    renderTeamUpdate({
      locale,
      recipientName: '鈴木 一郎',
      role: 'manager',
      employeeName: '山田 花子',
      round: 2,
      ...(teamSummary === undefined ? {} : { teamSummary }),
    });

  it('without consent, says only that the session took place', () => {
    const ja = update('ja');
    expect(ja.subject).toBe('山田 花子さんの第2回人事面談を実施しました');
    expect(ja.text).toBe(
      '鈴木 一郎 さん\n\n山田 花子さんとの第2回フォローアップ面談（人事との1on1）を実施しました。\n\nフォローアップ面談サポート（自動送信）\n',
    );
    const en = update('en');
    expect(en.subject).toBe("Round 2 of HR's 1on1 with 山田 花子 took place");
    expect(en.text).toBe(
      "Dear 鈴木 一郎,\n\nRound 2 of HR's follow-up 1on1 with 山田 花子 took place.\n\nFollow-up interview assistant (automated message)\n",
    );
    expect(en.html).not.toMatch(/<blockquote|<ul|<h2/);
  });

  it('treats a blank summary as no consent', () => {
    expect(update('ja', ' \n ').text).toBe(update('ja').text);
  });

  it('with consent, shares the summary and asks the team to think about support', () => {
    const ja = update('ja', '質問しやすい時間がほしい\n朝会で話すのが緊張する');
    expect(ja.text).toContain('> 質問しやすい時間がほしい\n> 朝会で話すのが緊張する');
    expect(ja.text).toMatch(/本人の同意を得て[\s\S]*支えられること/);
    expect(update('en', 'x').text).toMatch(/With their consent[\s\S]*> x[\s\S]*support them/);
  });

  it("never carries HR's private notes, even when a caller passes them along", () => {
    const email = renderTeamUpdate({
      locale: 'ja',
      recipientName: '鈴木 一郎',
      role: 'mentor',
      employeeName: '山田 花子',
      round: 1,
      ...{ privateNotes: '家族の事情で疲れている', condition: 'alert' },
    } as Parameters<typeof renderTeamUpdate>[0]);
    expect(`${email.subject}${email.text}${email.html}`).not.toMatch(/家族の事情|要フォロー|alert/);
  });
});

describe('the alert', () => {
  const alert = (
    locale: Locale,
    reason: AlertReason,
    journeyUrl?: string,
    overrides: Partial<Parameters<typeof renderAlert>[0]> = {},
  ) =>
    renderAlert({
      locale,
      audience: 'lead',
      recipientName: '高橋 直子',
      hrName: '佐藤 綾',
      employeeName: '山田 花子',
      round: 2,
      reason,
      followUpAt: '2027-06-10T15:00:00+09:00',
      zone: 'Asia/Tokyo',
      ...(journeyUrl ? { journeyUrl } : {}),
      ...overrides,
    });

  it('says a follow-up is needed, why, and when it is proposed', () => {
    const ja = alert('ja', 'manager-worried');
    expect(ja.subject).toMatch(/^【要フォロー】山田 花子さん（第2回）/);
    expect(ja.text).toMatch(/上司が本人の様子を「心配」[\s\S]*2027年6月10日\(木\) 15:00 \(日本時間\)/);
    expect(alert('ja', 'condition-alert').text).toContain('コンディションが「要フォロー」');
    expect(alert('en', 'condition-alert').text).toMatch(/"Alert"[\s\S]*Thu, 10 Jun 2027, 15:00/);
    expect(alert('en', 'manager-worried').subject).toBe('Follow-up needed: 山田 花子 (round 2)');
    expect(alert('ja', 'mentor-worried').text).toContain('メンターが本人の様子を「心配」');
    expect(alert('en', 'mentor-worried').text).toContain('the mentor answered "Worried"');
  });

  it("says when the new hire's pulse check, or HR's record of the extra session, called for it", () => {
    expect(alert('ja', 'pulse').text).toContain('本人のパルスチェックの回答から');
    expect(alert('en', 'pulse').text).toContain(
      "The new hire's pulse check called for individual follow-up.",
    );
    const again = alert('ja', 'follow-up-alert', undefined, { alreadyProposed: true });
    expect(again.text).toMatch(/第2回の追加のフォロー面談の記録で[\s\S]*実施済み/);
    expect(again.text).not.toContain('新しい招待は送っていません');
    expect(alert('en', 'follow-up-alert', undefined, { alreadyProposed: true }).text).toMatch(
      /after the extra follow-up session of round 2[\s\S]*has taken place[\s\S]*No further session was proposed/,
    );
  });

  it('greets the HR lead by their own name, or by their role when no name is known', () => {
    expect(alert('ja', 'condition-alert').text).toMatch(/^高橋 直子 さん/);
    expect(alert('en', 'condition-alert').text).toMatch(/^Dear 高橋 直子,/);
    const unnamed = { recipientName: undefined };
    expect(alert('ja', 'condition-alert', undefined, unnamed).text).toMatch(/^人事責任者様/);
    expect(alert('en', 'condition-alert', undefined, unnamed).text).toMatch(/^Dear HR lead,/);
    // The lead learns in whose name the session went out; the HR contact is never greeted in the lead's mail.
    expect(alert('ja', 'condition-alert').text).toContain('担当の人事 佐藤 綾 さんの名前で');
    expect(alert('ja', 'condition-alert').text).not.toMatch(/^佐藤 綾/);
  });

  it('tells the HR contact the session went out in their name, and whether the lead was told', () => {
    const contact = (locale: Locale, leadTold: boolean) =>
      alert(locale, 'manager-worried', undefined, {
        audience: 'contact',
        recipientName: '佐藤 綾',
        leadTold,
      });
    expect(contact('ja', true).text).toMatch(/^佐藤 綾 さん[\s\S]*あなたの名前で[\s\S]*人事責任者にも連絡/);
    expect(contact('ja', false).text).not.toContain('人事責任者');
    expect(contact('en', true).text).toMatch(/^Dear 佐藤 綾,[\s\S]*in your name[\s\S]*HR lead has been told/);
    expect(contact('en', false).text).not.toContain('HR lead');
  });

  it('says no second invitation went out when the round already has its extra session', () => {
    const again = { alreadyProposed: true };
    expect(alert('ja', 'condition-alert', undefined, again).text).toContain('新しい招待は送っていません');
    expect(alert('en', 'condition-alert', undefined, again).text).toContain('no second invitation was sent');
    expect(alert('en', 'condition-alert').text).not.toMatch(/short/);
  });

  it('links to the journey only when there is a page for it', () => {
    expect(alert('ja', 'condition-alert').html).not.toContain('<a ');
    expect(alert('ja', 'condition-alert', 'https://api.example.com/journeys/j-1').text).toContain(
      'https://api.example.com/journeys/j-1',
    );
  });

  it("says what in the new hire's pulse answers raised it, never their comment", () => {
    const pulse = (
      cause: 'stormy' | 'below-usual' | 'falling',
      answers: ('fair' | 'cloudy' | 'rainy' | 'stormy')[],
    ) => ({ pulse: { cause, answers } }) as const;
    expect(alert('ja', 'pulse', undefined, pulse('stormy', ['stormy'])).text).toContain(
      'パルスチェック（人事だけが見る短いアンケート）に「大雨」と回答',
    );
    expect(alert('ja', 'pulse', undefined, pulse('falling', ['fair', 'cloudy', 'rainy'])).text).toContain(
      '前回より下がっています（晴れ → くもり → 雨）',
    );
    expect(alert('en', 'pulse', undefined, pulse('below-usual', ['rainy'])).text).toContain(
      'they answered "Rainy", two steps or more below their own usual',
    );
    const withComment = renderAlert({
      locale: 'ja',
      audience: 'contact',
      recipientName: '佐藤 綾',
      hrName: '佐藤 綾',
      employeeName: '山田 花子',
      round: 1,
      reason: 'pulse',
      followUpAt: '2027-04-20T15:00:00+09:00',
      zone: 'Asia/Tokyo',
      ...pulse('stormy', ['stormy']),
      ...{ comment: '上司に怒鳴られてつらい' },
    } as Parameters<typeof renderAlert>[0]);
    expect(`${withComment.subject}${withComment.text}${withComment.html}`).not.toContain('怒鳴られて');
    expect(withComment.text).toContain('本人のコメントはこのメールには含まれていません');
  });

  it('never quotes private notes, even when a caller passes them along', () => {
    const email = renderAlert({
      locale: 'en',
      audience: 'lead',
      recipientName: 'Lead',
      hrName: 'Aya',
      employeeName: 'Hanako',
      round: 2,
      reason: 'condition-alert',
      followUpAt: '2027-06-10T15:00:00+09:00',
      zone: 'Asia/Tokyo',
      ...{ privateNotes: 'family trouble at home' },
    } as Parameters<typeof renderAlert>[0]);
    expect(`${email.subject}${email.text}${email.html}`).not.toContain('family trouble');
  });
});

describe('the journey summary', () => {
  const summary = (locale: Locale) =>
    renderJourneySummary({
      locale,
      hrName: '佐藤 綾',
      employeeName: '山田 花子',
      rounds: [
        { round: 2, sessionAt: '2027-06-07T15:00:00+09:00', condition: 'watch', alerts: 1 },
        { round: 1, sessionAt, condition: 'good', alerts: 0 },
        { round: 3, sessionAt: '2027-07-06T15:00:00+09:00', condition: 'good', alerts: 0 },
      ],
      pulse: [{ answer: 'sunny' }, { answer: 'fair' }, { answer: 'rainy' }, { answer: 'fair' }],
      zone: 'Asia/Tokyo',
    });

  it('lists each round in order with its condition and alerts, the trend and the total', () => {
    const ja = summary('ja');
    expect(ja.subject).toBe('山田 花子さんの入社後フォローアップが完了しました（全3回）');
    expect(ja.text).toMatch(
      /第1回 2027年5月6日\(木\) 15:00 \(日本時間\)：良好\n・第2回 2027年6月7日\(月\) 15:00 \(日本時間\)：見守り（アラート1件）\n・第3回/,
    );
    expect(ja.text).toContain('推移：良好 → 見守り → 良好');
    expect(ja.text).toContain('パルスチェック（本人の回答）：快晴 → 晴れ → 雨 → 晴れ');
    expect(ja.text).toContain('アラート：合計1件');
    expect(ja.text).toContain('完了しました');
    const en = summary('en');
    expect(en.text).toMatch(/Round 2, Mon, 7 Jun 2027, 15:00 \(Asia\/Tokyo\): Watch \(1 alert\)/);
    expect(en.text).toMatch(/Trend: Good → Watch → Good[\s\S]*Alerts: 1 in all[\s\S]*Keep following up/);
    expect(en.text).toContain('Pulse checks (their own answers): Sunny → Fair → Rainy → Fair');
    expect(en.text).toContain('the journey is complete');
  });

  it('says when a round has no recorded condition, and asks for no extra care when all went well', () => {
    const email = renderJourneySummary({
      locale: 'en',
      hrName: 'Aya',
      employeeName: 'Hanako',
      rounds: [
        { round: 1, sessionAt, condition: 'good', alerts: 0 },
        { round: 2, sessionAt, alerts: 0 },
      ],
      pulse: [],
      zone: 'Asia/Tokyo',
    });
    expect(email.text).toMatch(/Round 2, [^\n]*: not recorded/);
    expect(email.text).toContain('Trend: Good');
    expect(email.text).not.toContain('Keep following up');
  });
});

describe("the update on the new hire's topics", () => {
  const update = (locale: Locale) =>
    renderTopicsUpdate({
      locale,
      hrName: '佐藤 綾',
      employeeName: '山田 花子',
      round: 2,
      sessionAt,
      zone: 'Asia/Tokyo',
      section: newHireTopicsSection({ topics: '通勤がつらい' }, locale) ?? {
        key: '',
        heading: '',
        items: [],
      },
    });

  it('tells HR, in their language, what arrived after the brief and that it is for HR only', () => {
    const ja = update('ja');
    expect(ja.subject).toBe(
      '第2回フォローアップ面談：山田 花子さんが話したいこと（2027年5月6日(木) 15:00 (日本時間)）',
    );
    expect(ja.text).toMatch(
      /準備資料をお送りしたあと[\s\S]*人事だけが読む内容です[\s\S]*話したいこと：通勤がつらい/,
    );
    const en = update('en');
    expect(en.subject).toMatch(/^Round 2 1on1: what 山田 花子 would like to talk about/);
    expect(en.text).toMatch(
      /after its brief went out[\s\S]*for HR only[\s\S]*They would like to talk about: 通勤がつらい/,
    );
  });
});

describe('the pulse check', () => {
  const check = (locale: Locale, question?: string) =>
    renderPulseCheck({
      locale,
      employeeName: '山田 花子',
      hrName: '佐藤 綾',
      hrEmail: 'aya.sato@example.co.jp',
      formUrl,
      closesAt: '2027-02-15T18:00:00+09:00',
      zone: 'Asia/Tokyo',
      reminder: false,
      ...(question ? { question } : {}),
    });

  it("asks the journey template's question when it words one, in either language", () => {
    expect(check('ja', '今週の働きやすさはどうですか？').text).toContain('今週の働きやすさはどうですか？');
    expect(check('ja', '今週の働きやすさはどうですか？').text).not.toContain(
      '最近、仕事の調子はいかがですか？',
    );
    expect(check('en', 'How easy was it to work this week?').html).toContain(
      'How easy was it to work this week?',
    );
    expect(check('en').text).toContain('How are you doing at work lately?');
  });
});
