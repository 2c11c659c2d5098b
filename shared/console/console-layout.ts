import { CSRF_FIELD } from '#shared/console/csrf.ts';
import type { ConsoleUser } from '#shared/console/session.ts';
import { html, type SafeHtml, trustedHtml } from '#shared/html/escape.ts';
import { pageHead } from '#shared/pages/page-layout.ts';

/**
 * The console's sections, in the order the header lists them: the one place a new section is added. Labels are
 * Japanese with English alongside, as everywhere in the console.
 */
export const consoleNav = [
  { href: '/console', label: 'ジャーニー一覧 Journeys' },
  { href: '/console/attention', label: '要対応 Needs attention' },
  { href: '/console/journeys/new', label: 'ジャーニーを開始 Start a journey' },
  { href: '/console/reports', label: 'レポート Reports' },
  { href: '/console/settings/calendar', label: '会社カレンダー Company calendar' },
] as const;

export type ConsoleSection = (typeof consoleNav)[number]['href'];

export const PRODUCT_NAME = 'フォローアップ面談 Follow-up journeys';

const signedIn = (user: ConsoleUser, csrfToken: string) => html`<div class="console-user">
<span>${user.name}</span>
<form method="post" action="/console/sign-out">
<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
<button type="submit" class="secondary">サインアウト Sign out</button>
</form>
</div>`;

/**
 * The frame of every console page: product name, the sections, who is signed in and a sign-out button (a POST
 * carrying the CSRF token). The same style sheet and CSP as the form pages: no script, no inline style.
 */
export const renderConsolePage = (page: {
  title: string;
  body: SafeHtml;
  /** The section the page belongs to, marked as current in the nav. */
  section?: ConsoleSection;
  /** Absent on pages shown to someone not signed in (sign-in trouble, signed out). */
  session?: { user: ConsoleUser; csrfToken: string };
}): string =>
  html`<!doctype html>
<html lang="ja">
${pageHead(`${page.title} | ${PRODUCT_NAME}`)}
<body class="console">
<header class="console-header">
<a class="console-product" href="/console">${PRODUCT_NAME}</a>
${
  page.session &&
  html`<nav aria-label="メニュー Menu"><ul>${consoleNav.map(
    (item) =>
      html`<li><a href="${item.href}"${item.href === page.section ? trustedHtml(' aria-current="page"') : ''}>${item.label}</a></li>`,
  )}</ul></nav>
${signedIn(page.session.user, page.session.csrfToken)}`
}
</header>
<main>
${page.body}
</main>
</body>
</html>
`.toString();
