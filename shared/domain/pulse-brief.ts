import { DateTime } from 'luxon';
import type { FormRecord } from '#shared/data/forms.ts';
import type { Locale } from '#shared/domain/locale.ts';
import type { OfferBriefSection } from '#shared/domain/offer-brief.ts';
import { type PulsePoint, pulseSeries, type Weather, weatherLabels } from '#shared/domain/pulse.ts';

/** One answered pulse check as HR's brief shows it: the series HR's view has, and the person's own words. */
export interface PulseBriefEntry extends PulsePoint {
  comment?: string;
}

/** The pulse answers so far with their comments: for HR's briefs only, never the team's mail or HR's API view. */
export const pulseBriefEntries = (forms: FormRecord[]): PulseBriefEntry[] =>
  pulseSeries(forms).map((point) => ({
    ...point,
    comment: forms.find((form) => form.kind === 'pulse' && form.check === point.check)?.answers?.comment,
  }));

interface PulseCopy {
  heading: string;
  entry: (day: string, answer: string, aspects: string) => string;
  aspects: (workload?: string, relationships?: string) => string;
  comment: (text: string) => string;
  trend: (trend: string) => string;
  advice: string[];
}

const copy: Record<Locale, PulseCopy> = {
  ja: {
    heading: '本人のパルスチェック（人事のみ。上司・メンターには共有しません）',
    entry: (day, answer, aspects) => `${day}：${answer}${aspects}`,
    aspects: (workload, relationships) => {
      const parts = [
        ...(workload ? [`仕事量 ${workload}`] : []),
        ...(relationships ? [`人間関係 ${relationships}`] : []),
      ];
      return parts.length > 0 ? `（${parts.join('、')}）` : '';
    },
    comment: (text) => `　本人のコメント「${text}」`,
    trend: (trend) => `推移：${trend}`,
    advice: [
      '本人が自分の言葉で答えたものです。点数や評価のように扱わず、「最近どうですか」と本人が話し始めるのを待ってください。',
      '回答を見たことを話題にしてよいかは本人次第です。上司・メンターには伝わっていないことを前提にしてください。',
    ],
  },
  en: {
    heading: 'Their pulse checks (HR only; never shared with the manager or mentor)',
    entry: (day, answer, aspects) => `${day}: ${answer}${aspects}`,
    aspects: (workload, relationships) => {
      const parts = [
        ...(workload ? [`workload ${workload}`] : []),
        ...(relationships ? [`relationships ${relationships}`] : []),
      ];
      return parts.length > 0 ? ` (${parts.join(', ')})` : '';
    },
    comment: (text) => ` — in their words: "${text}"`,
    trend: (trend) => `Trend: ${trend}`,
    advice: [
      'They answered these themselves. Never treat them as a score or an evaluation: ask how things have been and let them start.',
      'Whether to mention what they answered is up to them. Assume the manager and mentor know nothing of it.',
    ],
  },
};

const label = (locale: Locale, weather: Weather | undefined): string | undefined =>
  weather === undefined ? undefined : weatherLabels[locale][weather];

/** The answers in order as people read them, e.g. "快晴 → 晴れ → くもり". */
export const pulseTrend = (series: readonly Pick<PulsePoint, 'answer'>[], locale: Locale): string =>
  series.map((point) => weatherLabels[locale][point.answer]).join(' → ');

/**
 * The new hire's pulse answers so far, for HR's brief only, with their comments; none when they answered none.
 * Days are read in the journey's zone.
 */
export const pulseBriefSection = (
  series: readonly PulseBriefEntry[],
  locale: Locale,
  zone: string,
): OfferBriefSection | undefined => {
  if (series.length === 0) return undefined;
  const text = copy[locale];
  const day = (iso: string) =>
    DateTime.fromISO(iso)
      .setZone(zone)
      .setLocale(locale)
      .toFormat(locale === 'ja' ? 'M月d日' : 'd LLL');
  return {
    key: 'pulse',
    heading: text.heading,
    items: [
      ...series.map(
        (point) =>
          text.entry(
            day(point.at),
            weatherLabels[locale][point.answer],
            text.aspects(label(locale, point.workload), label(locale, point.relationships)),
          ) + (point.comment?.trim() ? text.comment(point.comment.trim()) : ''),
      ),
      ...(series.length > 1 ? [text.trend(pulseTrend(series, locale))] : []),
      ...text.advice,
    ],
  };
};
