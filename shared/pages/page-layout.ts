import type { Locale } from '#shared/domain/offer.ts';
import { html, type SafeHtml, trustedHtml } from '#shared/html/escape.ts';
import { pageStyle } from '#shared/pages/page-style.ts';

/** The frame of every page; its one style block is the one page-security.ts allows by hash. */
export const renderPage = (page: { locale: Locale; title: string; body: SafeHtml }): string =>
  html`<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${page.title}</title>
<style>${trustedHtml(pageStyle)}</style>
</head>
<body>
<main>
${page.body}
</main>
</body>
</html>
`.toString();
