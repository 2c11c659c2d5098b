import { renderConsolePage } from '#shared/console/console-layout.ts';
import { consolePage } from '#shared/console/console-responses.ts';
import { html } from '#shared/html/escape.ts';
import type { ApiResult } from '#shared/http/api-handler.ts';

const notices = {
  'not-hr': {
    status: 403,
    title: 'このコンソールは人事担当者向けです',
    lines: [
      'サインインしたアカウントは、人事 (hr / hr-lead) のグループに入っていません。必要な場合は管理者にご依頼ください。',
      'The account you signed in with is not in an HR group (hr or hr-lead). Ask your administrator if you need access.',
    ],
  },
  'sign-in-failed': {
    status: 400,
    title: 'サインインを完了できませんでした',
    lines: [
      'サインインの途中で時間が経ったか、別の画面から戻ってきた可能性があります。もう一度お試しください。',
      'The sign-in took too long or came back from another window. Please sign in again.',
    ],
  },
  'form-refused': {
    status: 403,
    title: 'この操作は受け付けられませんでした',
    lines: [
      '画面を開き直してからもう一度お試しください。何も変更されていません。',
      'Please reload the page and try again. Nothing was changed.',
    ],
  },
  'not-found': {
    status: 404,
    title: 'ページが見つかりません',
    lines: [
      'このジャーニーやフォームは見つかりません。消去されたか、アドレスが違う可能性があります。',
      'No such journey or form: it was erased, or the address is not right.',
    ],
  },
  'not-allowed': {
    status: 403,
    title: 'この操作は人事責任者または担当者だけが行えます',
    lines: [
      '消去と会社カレンダーの変更は人事責任者 (hr-lead) だけが、面談結果の記録は担当の人事と人事責任者だけが行えます。何も変更されていません。',
      'Only HR leads erase journeys and change the company calendar, and only the HR contact or an HR lead records outcomes. Nothing was changed.',
    ],
  },
  'signed-out': {
    status: 200,
    title: 'サインアウトしました',
    lines: ['Signed out. ご利用ありがとうございました。'],
  },
} as const;

export type ConsoleNotice = keyof typeof notices;

/** A readable page for what stopped a console request, with the way back in. */
export const consoleNotice = (kind: ConsoleNotice): ApiResult => {
  const notice = notices[kind];
  return consolePage(
    notice.status,
    renderConsolePage({
      title: notice.title,
      body: html`<h1>${notice.title}</h1>
${notice.lines.map((line) => html`<p>${line}</p>`)}
<p><a href="/console/sign-in">サインイン Sign in</a></p>`,
    }),
  );
};
