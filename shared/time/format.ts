import { DateTime } from 'luxon';
import type { Locale } from '#shared/domain/locale.ts';

const HOME_ZONE = 'Asia/Tokyo';

// Luxon's 'en' resolves to en-US, which abbreviates September as "Sep" (en-GB would print "Sept").
const dateTimePatterns: Record<Locale, string> = {
  ja: 'yyyy年M月d日(ccc) HH:mm',
  en: 'ccc, d LLL yyyy, HH:mm',
};
const datePatterns: Record<Locale, string> = {
  ja: 'yyyy年M月d日(ccc)',
  en: 'ccc, d LLL yyyy',
};

const parsed = (value: DateTime, input: string): DateTime => {
  // A wrong date in a mail to a candidate is worse than a failed step that is retried and flagged.
  if (!value.isValid) throw new RangeError(`not a date: ${JSON.stringify(input)}`);
  return value;
};

/**
 * A moment as people read it, in the journey's zone. The zone is always named, because interviewers and
 * candidates abroad would otherwise read Tokyo times as their own.
 */
export const formatDateTime = (iso: string, zone: string, locale: Locale): string => {
  const moment = parsed(DateTime.fromISO(iso, { setZone: true }), iso)
    .setZone(zone)
    .setLocale(locale);
  const zoneName = locale === 'ja' && zone === HOME_ZONE ? '日本時間' : zone;
  return `${moment.toFormat(dateTimePatterns[locale])} (${zoneName})`;
};

/** A calendar day (a start date, a reply deadline): it has no zone, so it is never shifted into one. */
export const formatDate = (isoDate: string, locale: Locale): string =>
  parsed(DateTime.fromISO(isoDate, { zone: 'utc' }), isoDate)
    .setLocale(locale)
    .toFormat(datePatterns[locale]);
