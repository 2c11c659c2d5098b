import { describe, expect, it } from 'vitest';
import { type Locale, offerSchema } from '#shared/domain/offer.ts';
import { buildOfferBrief } from '#shared/domain/offer-brief.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { renderCandidateInvitation } from '#shared/email/templates/candidate-invitation.ts';
import { renderHandoff } from '#shared/email/templates/handoff.ts';
import { renderInterviewerInsightRequest } from '#shared/email/templates/interviewer-insight-request.ts';
import { renderMeetingBrief } from '#shared/email/templates/meeting-brief.ts';
import { renderOutcomeRequest } from '#shared/email/templates/outcome-request.ts';
import { sampleOffer } from '../support/sample-offer.ts';

const hostile = `<script>alert("x")</script> O'Brien & 🎉\r\nBcc: evil@example.com`;
const formUrl = 'https://forms.example.com/forms/eyJqIjoiMSJ9.c2ln?x=1&y=2';
const offer = offerSchema.parse(sampleOffer());
const locales: Locale[] = ['ja', 'en'];

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
