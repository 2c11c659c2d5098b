import { type Condition, conditionLabels } from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';
import type { PulsePoint } from '#shared/domain/pulse.ts';
import { pulseTrend } from '#shared/domain/pulse-brief.ts';
import { conditionTrend } from '#shared/domain/session-brief.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface JourneySummaryRound {
  round: number;
  /** ISO 8601 date-time of HR's 1on1. */
  sessionAt: string;
  /** Absent when no outcome was recorded for the round. */
  condition?: Condition;
  alerts: number;
}

export interface JourneySummaryInput {
  locale: Locale;
  hrName: string;
  employeeName: string;
  rounds: JourneySummaryRound[];
  /** The new hire's pulse answers, in order. */
  pulse: Pick<PulsePoint, 'answer'>[];
  zone: string;
}

interface SummaryCopy {
  subject: (employeeName: string, rounds: number) => string;
  greeting: (hrName: string) => string;
  intro: (employeeName: string, rounds: number) => string;
  headings: { rounds: string; trend: string; next: string };
  round: (round: number, sessionAt: string, condition: string, alerts: number) => string;
  notRecorded: string;
  trend: (trend: string) => string;
  noTrend: string;
  pulse: (trend: string) => string;
  noPulse: string;
  alerts: (count: number) => string;
  keepWatching: string;
  next: string[];
}

const copy: Record<Locale, SummaryCopy> = {
  ja: {
    subject: (name, rounds) => `${name}さんの入社後フォローアップが完了しました（全${rounds}回）`,
    greeting: (hrName) => `${hrName} さん`,
    intro: (name, rounds) =>
      `${name}さんの入社後フォローアップ面談（全${rounds}回）が終わり、このジャーニーは完了しました。各回の記録をまとめてお送りします。`,
    headings: { rounds: '各回の記録', trend: 'コンディションの推移', next: 'これから' },
    round: (round, sessionAt, condition, alerts) =>
      `第${round}回 ${sessionAt}：${condition}${alerts > 0 ? `（アラート${alerts}件）` : ''}`,
    notRecorded: '記録なし',
    trend: (trend) => `推移：${trend}`,
    noTrend: 'コンディションの記録はありません。',
    pulse: (trend) => `パルスチェック（本人の回答）：${trend}`,
    noPulse: 'パルスチェックへの回答はありませんでした。',
    alerts: (count) => `アラート：合計${count}件`,
    keepWatching:
      'フォローアップの期間は終わりましたが、気がかりなサインがありました。必要に応じて、個別のフォローを続けてください。',
    next: [
      '本人には、これからも必要なときは人事に相談できることを伝えてください。',
      'チームへの共有は、これからも本人が同意した内容に限ります。',
    ],
  },
  en: {
    subject: (name, rounds) => `${name}'s onboarding follow-up is complete (${rounds} rounds)`,
    greeting: (hrName) => `Dear ${hrName},`,
    intro: (name, rounds) =>
      `The ${rounds} rounds of onboarding follow-up 1on1s with ${name} are over, and the journey is complete. Here is the record of each round.`,
    headings: { rounds: 'Rounds', trend: 'How their condition went', next: 'From here' },
    round: (round, sessionAt, condition, alerts) =>
      `Round ${round}, ${sessionAt}: ${condition}${alerts > 0 ? ` (${alerts} alert${alerts === 1 ? '' : 's'})` : ''}`,
    notRecorded: 'not recorded',
    trend: (trend) => `Trend: ${trend}`,
    noTrend: 'No condition was recorded.',
    pulse: (trend) => `Pulse checks (their own answers): ${trend}`,
    noPulse: 'No pulse check was answered.',
    alerts: (count) => `Alerts: ${count} in all`,
    keepWatching:
      'The follow-up period is over, but there were signs of concern. Keep following up individually where needed.',
    next: [
      'Tell them they can keep turning to HR whenever they need.',
      'Anything shared with the team is still limited to what they agree to.',
    ],
  },
};

/** Tells HR the onboarding follow-up is over: each round's condition, the trend and the alerts raised. */
export const renderJourneySummary = (input: JourneySummaryInput): RenderedEmail => {
  const { locale, hrName, employeeName, zone } = input;
  const text = copy[locale];
  const rounds = [...input.rounds].sort((one, two) => one.round - two.round);
  const recorded = rounds.flatMap((round) => (round.condition ? [round.condition] : []));
  const alerts = rounds.reduce((sum, round) => sum + round.alerts, 0);
  const last = recorded.at(-1);
  return renderEmail({
    locale,
    subject: text.subject(employeeName, rounds.length),
    greeting: text.greeting(hrName),
    blocks: [
      { kind: 'paragraph', text: text.intro(employeeName, rounds.length) },
      { kind: 'heading', text: text.headings.rounds },
      {
        kind: 'list',
        items: rounds.map((round) =>
          text.round(
            round.round,
            formatDateTime(round.sessionAt, zone, locale),
            round.condition ? conditionLabels[locale][round.condition] : text.notRecorded,
            round.alerts,
          ),
        ),
      },
      { kind: 'heading', text: text.headings.trend },
      {
        kind: 'list',
        items: [
          recorded.length > 0 ? text.trend(conditionTrend(recorded, locale)) : text.noTrend,
          input.pulse.length > 0 ? text.pulse(pulseTrend(input.pulse, locale)) : text.noPulse,
          text.alerts(alerts),
        ],
      },
      { kind: 'heading', text: text.headings.next },
      {
        kind: 'list',
        items: [
          ...(alerts > 0 || (last !== undefined && last !== 'good') ? [text.keepWatching] : []),
          ...text.next,
        ],
      },
    ],
    signature: automatedSignature[locale],
  });
};
