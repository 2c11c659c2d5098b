import type { Locale } from '#shared/domain/locale.ts';

/** The "where" line of a meeting mail, when the meeting has a place or a video link. */
export const locationFact = (
  locale: Locale,
  location: string | undefined,
): { label: string; value: string }[] =>
  location ? [{ label: locale === 'en' ? 'Where' : '場所', value: location }] : [];
