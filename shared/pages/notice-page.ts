import type { Locale } from '#shared/domain/locale.ts';
import { html } from '#shared/html/escape.ts';
import { renderPage } from '#shared/pages/page-layout.ts';

export const noticeKinds = [
  'thanks',
  'summary-shared',
  'summary-kept',
  'follow-up-summary-kept',
  'already-used',
  'expired',
  'invalid',
  'closed',
  'replaced',
  'too-large',
  'unavailable',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

const statuses: Record<NoticeKind, number> = {
  thanks: 200,
  // The new hire's answer on a team summary: each page says what now happens to the text.
  'summary-shared': 200,
  'summary-kept': 200,
  'follow-up-summary-kept': 200,
  'already-used': 409,
  expired: 410,
  invalid: 404,
  // The journey moved on without this form (its deadline passed): gone for good, like an expired link.
  closed: 410,
  // HR had a new link sent: this one is gone for good, the form is not.
  replaced: 410,
  'too-large': 413,
  unavailable: 503,
};

// Each page says what happened and what the person can do next, without blaming them or showing internals.
const copy: Record<Locale, Record<NoticeKind, { title: string; lines: string[] }>> = {
  ja: {
    thanks: {
      title: 'ご回答ありがとうございました',
      lines: ['内容を受け付けました。このページは閉じていただいて構いません。'],
    },
    'summary-shared': {
      title: 'ご確認ありがとうございました',
      lines: [
        'この文面を、そのまま上司・メンターに共有します。',
        'ほかに気になることがあれば、いつでも人事担当者にご相談ください。',
      ],
    },
    'summary-kept': {
      title: 'ご確認ありがとうございました',
      lines: [
        'この文面は共有しません。上司・メンターには、面談を実施したことだけが伝わります。',
        '人事担当者にはお知らせします。話しておきたいことがあれば、いつでもご相談ください。',
      ],
    },
    'follow-up-summary-kept': {
      title: 'ご確認ありがとうございました',
      lines: [
        'この文面は共有しません。上司・メンターには、この面談を実施したことも含めて何も伝わりません。',
        '人事担当者にはお知らせします。話しておきたいことがあれば、いつでもご相談ください。',
      ],
    },
    'already-used': {
      title: 'このフォームは回答済みです',
      lines: [
        'このフォームへの回答はすでに受け付けています。',
        '内容を変更したい場合や追加で伝えたいことがある場合は、人事担当者に直接ご連絡ください。',
      ],
    },
    expired: {
      title: 'このリンクの有効期限が切れています',
      lines: [
        '期限を過ぎたため、このリンクは使えなくなりました。',
        'お伝えしたいことがあれば、人事担当者に直接ご連絡ください。',
      ],
    },
    invalid: {
      title: 'このリンクは使えません',
      lines: [
        'リンクが正しくないか、途中で切れている可能性があります。',
        'メールに記載されたリンクを、もう一度そのまま開いてください。',
      ],
    },
    closed: {
      title: 'このフォームの受付は終了しました',
      lines: [
        '次の段階に進んだため、このフォームは受付を終了しています。',
        'お伝えしたいことがあれば、人事担当者に直接ご連絡ください。',
      ],
    },
    replaced: {
      title: 'このリンクは新しいリンクに置き換えられました',
      lines: [
        'このフォームのリンクをあらためてお送りしたため、このリンクは使えなくなりました。',
        'いちばん新しいメールに記載されたリンクから開いてください。',
      ],
    },
    'too-large': {
      title: '入力内容が長すぎます',
      lines: [
        '一度に送れる分量を超えたため、受け付けられませんでした。',
        'ブラウザの「戻る」で前のページに戻り、内容を短くしてから送り直してください。',
      ],
    },
    unavailable: {
      title: 'ただいま処理できませんでした',
      lines: ['一時的な問題が起きています。', 'お手数ですが、少し時間をおいてからもう一度お試しください。'],
    },
  },
  en: {
    thanks: {
      title: 'Thank you for your answer',
      lines: ['We have received it. You can close this page.'],
    },
    'summary-shared': {
      title: 'Thank you for checking',
      lines: [
        'Your manager and mentor will receive this text, exactly as you read it.',
        'If anything else is on your mind, HR is always there to talk.',
      ],
    },
    'summary-kept': {
      title: 'Thank you for checking',
      lines: [
        'This text will not be shared. Your manager and mentor learn only that the session took place.',
        'HR is told, and is always there to talk if there is anything you would like to discuss.',
      ],
    },
    'follow-up-summary-kept': {
      title: 'Thank you for checking',
      lines: [
        'This text will not be shared. Your manager and mentor are not told of this session at all.',
        'HR is told, and is always there to talk if there is anything you would like to discuss.',
      ],
    },
    'already-used': {
      title: 'This form has already been answered',
      lines: [
        'We have already received an answer to this form.',
        'To change it or add something, please contact HR directly.',
      ],
    },
    expired: {
      title: 'This link has expired',
      lines: [
        'Its deadline has passed, so it can no longer be used.',
        'If you want to tell us something, please contact HR directly.',
      ],
    },
    invalid: {
      title: 'This link does not work',
      lines: [
        'It may be mistyped or cut off.',
        'Please open the link from the email again, exactly as it is.',
      ],
    },
    closed: {
      title: 'This form is closed',
      lines: [
        'The process has moved on to its next step, so this form no longer takes answers.',
        'If you want to tell us something, please contact HR directly.',
      ],
    },
    replaced: {
      title: 'This link has been replaced',
      lines: [
        'A new link to this form was sent to you, so this one no longer works.',
        'Please open the form from the most recent email.',
      ],
    },
    'too-large': {
      title: 'That was too long to send',
      lines: [
        'The answer was longer than we can accept at once.',
        "Please go back with your browser's back button, shorten it, and send it again.",
      ],
    },
    unavailable: {
      title: 'We could not handle that just now',
      lines: ['Something went wrong on our side for a moment.', 'Please wait a little and try again.'],
    },
  },
};

/** The page shown instead of a form: after answering, or when a link cannot be used. */
export const renderNoticePage = (kind: NoticeKind, locale: Locale): { status: number; html: string } => {
  const { title, lines } = copy[locale][kind];
  return {
    status: statuses[kind],
    html: renderPage({
      locale,
      title,
      body: html`<h1>${title}</h1>
${lines.map((line) => html`<p>${line}</p>`)}`,
    }),
  };
};
