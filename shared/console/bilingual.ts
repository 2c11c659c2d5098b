import type { Locale } from '#shared/domain/locale.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';

/** The console's way with two languages: Japanese first, English right after it, on the same page. */
export const bilingual = (ja: string, en: string): SafeHtml =>
  html`${ja} <span class="en" lang="en">${en}</span>`;

/** A word from a table of both languages, as `bilingual` shows it. */
export const bothOf = <Key extends string>(table: Record<Locale, Record<Key, string>>, key: Key): SafeHtml =>
  bilingual(table.ja[key] ?? key, table.en[key] ?? key);

/** Both languages in plain text, where markup cannot go (an SVG title, a page title). */
export const bilingualText = (ja: string, en: string): string => `${ja} ${en}`;

/** A word from a table of both languages, in plain text. */
export const bothTextOf = <Key extends string>(
  table: Record<Locale, Record<Key, string>>,
  key: Key,
): string => bilingualText(table.ja[key] ?? key, table.en[key] ?? key);
