/**
 * A newcomer's tour of a whole journey, from the offer to the end of month 3: starts the local system, runs one
 * candidate's journey through every step over HTTP as people would, and prints the timeline and the mail.
 */

import { DateTime } from 'luxon';
import type { LocalEmail } from '#infra/local/mailbox.ts';
import { startLocalRuntime } from '#infra/local/runtime.ts';

const offer = {
  offerId: 'OFR-2027-0042',
  candidate: { name: '山田 花子', email: 'hanako.yamada@example.com', locale: 'ja' },
  hr: { name: '佐藤 綾', email: 'aya.sato@example.co.jp' },
  manager: { name: '鈴木 一郎', email: 'ichiro.suzuki@example.co.jp' },
  mentor: { name: '田中 美咲', email: 'misaki.tanaka@example.co.jp' },
  interviewers: [
    { name: '高橋 健', email: 'ken.takahashi@example.co.jp' },
    { name: 'Emma Clarke', email: 'emma.clarke@example.co.jp', locale: 'en' },
  ],
  offerMeetingAt: '2026-12-03T10:00:00+09:00',
  respondBy: '2026-12-15',
  startDate: '2027-04-01',
  timezone: 'Asia/Tokyo',
  selection: { concerns: ['残業の多さを気にしている'], situation: ['multiple-offers'] },
};

const runtime = await startLocalRuntime({
  port: Number(process.env.PORT ?? 0),
  start: new Date('2026-11-24T10:00:00+09:00'),
});
const api = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${runtime.apiUrl}${path}`, init);
  return { status: response.status, body: await response.text() };
};
const step = (text: string) => console.log(`\n▶ ${text}`);
// Shown the way HR reads times: in the journey's zone.
const tokyo = (iso: string) =>
  DateTime.fromISO(iso).setZone(offer.timezone).toFormat('yyyy-MM-dd (ccc) HH:mm');
let shown = 0;
const showNewMail = async () => {
  const mail = await runtime.emails();
  for (const email of mail.slice(shown)) {
    // A calendar mail's inline invitation is a part with no file name: shown by its type.
    const files = email.attachments
      .map((attachment) => ` [${attachment.filename ?? attachment.contentType}]`)
      .join('');
    console.log(`  ✉ to ${email.to.join(', ')}: ${email.subject}${files}`);
  }
  shown = mail.length;
  return mail;
};
const linkIn = (email: LocalEmail | undefined) =>
  email?.text.match(/https?:\/\/\S+\/forms\/[\w.-]+/)?.[0] ?? '';
const answer = async (link: string, fields: Record<string, string>) => {
  const page = await fetch(link);
  console.log(`  GET form → ${page.status}`);
  const response = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  console.log(`  POST answers → ${response.status}`);
  await runtime.idle();
};
const advance = async (to: string) => {
  const response = await api('/local/clock', { method: 'POST', body: JSON.stringify({ to }) });
  console.log(`  clock → ${tokyo(JSON.parse(response.body).now)}`);
};

try {
  console.log(`Local system at ${runtime.apiUrl} (mail page: ${runtime.sesUrl}/)`);

  step('HR starts a journey for an offer (POST /journeys)');
  const started = await api('/journeys', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(offer),
  });
  console.log(`  ${started.status} ${started.body}`);
  const { journeyId } = JSON.parse(started.body) as { journeyId: string };
  let mail = await showNewMail();

  step('高橋 answers the interviewer form from the emailed link');
  await answer(linkIn(mail.find((email) => email.to.join().includes('ken.takahashi'))), {
    concerns: '配属先のチームの雰囲気を気にしていた',
    impressions: '落ち着いて質問していた',
    strengths: '設計の説明が明快',
  });
  await showNewMail();

  step('Emma never answers: time passes to the reminder and the deadline');
  await advance('2026-12-02T18:00:00+09:00');
  mail = await showNewMail();
  const brief = mail.findLast((email) => email.to.join().includes('aya.sato'));
  console.log(
    `\n  The brief HR received, first lines:\n${brief?.text
      .split('\n')
      .slice(0, 24)
      .map((line) => `    ${line}`)
      .join('\n')}\n    …`,
  );

  step('The meeting ends; HR is asked for the outcome');
  await advance('2026-12-03T11:00:00+09:00');
  mail = await showNewMail();

  step('HR records "undecided"; two business days later HR is asked again');
  await answer(
    linkIn(mail.findLast((email) => /\/forms\//.test(email.text) && email.to.join().includes('aya.sato'))),
    {
      decision: 'undecided',
      remainingConcerns: '他社との比較で年収の伸び方を気にしている',
      notes: '家族と相談中とのこと(HRのみ)',
    },
  );
  await advance('2026-12-07T10:00:00+09:00');
  mail = await showNewMail();

  step('HR records "accepted": the manager and mentor get the handoff');
  await answer(
    linkIn(mail.findLast((email) => /\/forms\//.test(email.text) && email.to.join().includes('aya.sato'))),
    {
      decision: 'accepted',
      remainingConcerns: '最初の3か月の残業時間',
      notes: '決め手は研修制度(HRのみ)',
    },
  );
  await showNewMail();

  step('The start date comes: onboarding begins and three monthly rounds are planned');
  await advance('2027-04-01T09:00:00+09:00');
  const { rounds } = JSON.parse((await api(`/journeys/${journeyId}`)).body) as {
    rounds: { round: number; startsAt: string; sessionAt: string }[];
  };
  for (const round of rounds) console.log(`  round ${round.round}: HR 1on1 ${tokyo(round.sessionAt)}`);
  await showNewMail();

  step('A week in, the new hire gets a pulse check: five weather links, read by HR only');
  await advance('2027-04-08T10:00:00+09:00');
  mail = await showNewMail();
  const pulseMail = mail.findLast(
    (email) => email.to.join().includes('hanako') && /\?answer=/.test(email.text),
  );
  const weatherLink = (weather: string) =>
    pulseMail?.text.match(new RegExp(`https?://\\S+/forms/[\\w.-]+\\?answer=${weather}`))?.[0] ?? '';
  // A mail scanner opening every link records nothing; the person's own click opens the page, and sending counts.
  const scanned = await Promise.all(
    ['sunny', 'stormy'].map(async (weather) => (await fetch(weatherLink(weather))).status),
  );
  console.log(`  a mail scanner opens the links → ${scanned.join(', ')} (nothing recorded)`);
  const sent = await fetch(weatherLink('fair'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      answer: 'fair',
      workload: 'cloudy',
      comment: '少し忙しいけれど元気です',
    }).toString(),
  });
  const thanks = await sent.text();
  console.log(
    `  she answers 晴れ (workload くもり) → ${sent.status}; the page shows her answers so far as a chart: ${thanks.includes('<svg') ? 'yes' : 'no'}`,
  );
  await runtime.idle();

  // With consent, the new hire reads the exact summary first: they share round 1's and keep round 3's.
  const outcomes = [
    {
      condition: 'good',
      consent: 'summary',
      teamSummary: 'チームにも少しずつ慣れてきた。雑談の機会があると嬉しいとのこと',
      share: 'yes',
    },
    { condition: 'alert', consent: 'none', teamSummary: '' },
    {
      condition: 'watch',
      consent: 'summary',
      teamSummary: '業務量は落ち着いた。引き続き相談しやすい雰囲気づくりを',
      share: 'no',
    },
  ];
  for (const [index, round] of rounds.entries()) {
    step(`Round ${round.round}: the new hire is invited, the manager and mentor are asked to prepare`);
    await advance(round.startsAt);
    mail = await showNewMail();
    for (const who of ['ichiro.suzuki', 'misaki.tanaka']) {
      await answer(
        linkIn(mail.findLast((email) => /\/forms\//.test(email.text) && email.to.join().includes(who))),
        {
          progress: '担当業務を一人で進められるようになってきた',
          wellbeing: 'well',
          topics: 'チーム外の人との接点',
        },
      );
    }
    await showNewMail();

    step(`Round ${round.round}: after the 1on1 HR records the outcome (private notes stay with HR)`);
    await advance(new Date(Date.parse(round.sessionAt) + 60 * 60 * 1000).toISOString());
    mail = await showNewMail();
    const { share, ...outcome } = outcomes[index] ?? { condition: 'good', consent: 'none', teamSummary: '' };
    console.log(`  condition ${outcome.condition}, consent ${outcome.consent}`);
    await answer(
      linkIn(mail.findLast((email) => /\/forms\//.test(email.text) && email.to.join().includes('aya.sato'))),
      {
        ...outcome,
        privateNotes: '本人限りのメモ(HRのみ)',
        followUp: outcome.condition === 'alert' ? '来週もう一度話す' : '',
      },
    );
    mail = await showNewMail();
    if (share) {
      step(
        `Round ${round.round}: the new hire reads the exact summary and ${share === 'yes' ? 'agrees to share it' : 'keeps it to HR'}`,
      );
      await answer(
        linkIn(mail.findLast((email) => /\/forms\//.test(email.text) && email.to.join().includes('hanako'))),
        { share },
      );
      await showNewMail();
    }
    if (outcome.condition === 'alert') {
      step(`Round ${round.round}: HR holds the extra follow-up session the alert proposed, and records it`);
      const { followUps } = JSON.parse((await api(`/journeys/${journeyId}`)).body) as {
        followUps: { round: number; sessionAt: string }[];
      };
      const extra = followUps.find((entry) => entry.round === round.round);
      await advance(new Date(Date.parse(extra?.sessionAt ?? '') + 60 * 60 * 1000).toISOString());
      mail = await showNewMail();
      console.log('  condition watch, consent none (the team hears nothing of the extra session)');
      await answer(
        linkIn(
          mail.findLast((email) => /\/forms\//.test(email.text) && email.to.join().includes('aya.sato')),
        ),
        {
          condition: 'watch',
          consent: 'none',
          teamSummary: '',
          privateNotes: '本人限りのメモ(HRのみ)',
          followUp: '',
        },
      );
      await showNewMail();
    }
  }

  step(`The journey's timeline (GET /journeys/${journeyId})`);
  const journey = JSON.parse((await api(`/journeys/${journeyId}`)).body) as {
    status: string;
    conditionTrend: string[];
    pulse: { answer: string }[];
    timeline: { at: string; type: string; round?: number }[];
  };
  for (const event of journey.timeline) {
    console.log(`  ${tokyo(event.at)}  ${event.type}${event.round ? ` (round ${event.round})` : ''}`);
  }
  console.log(`  status: ${journey.status}; condition trend: ${journey.conditionTrend.join(' → ')}`);
  console.log(`  pulse (HR only, no comments): ${journey.pulse.map((point) => point.answer).join(' → ')}`);
} finally {
  await runtime.stop();
}
