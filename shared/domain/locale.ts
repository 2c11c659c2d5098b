/** The languages every page and email is written in: Japanese first, English too. */
export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];
