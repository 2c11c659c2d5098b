import type { Locale } from '#shared/domain/locale.ts';
import { html, type SafeHtml, trustedHtml } from '#shared/html/escape.ts';
import { pageStyle } from '#shared/pages/page-style.ts';

/**
 * The head of every page, the console's too: never indexed, sized for a phone, and its one style block the one
 * page-security.ts allows by hash.
 */
export const pageHead = (title: string): SafeHtml => html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${trustedHtml(pageStyle)}</style>
</head>`;

/** The frame of every page people open from an email. */
export const renderPage = (page: { locale: Locale; title: string; body: SafeHtml }): string =>
  html`<!doctype html>
<html lang="${page.locale}">
${pageHead(page.title)}
<body>
<main>
${page.body}
</main>
</body>
</html>
`.toString();
