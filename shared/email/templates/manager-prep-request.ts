import { wellbeingLabels, wellbeings } from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';
import type { PrepRole } from '#shared/domain/session-brief.ts';
import { type EmailBlock, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface ManagerPrepRequestInput {
  locale: Locale;
  recipientName: string;
  role: PrepRole;
  employeeName: string;
  hrName: string;
  /** 1 is the first round. */
  round: number;
  formUrl: string;
  /** ISO 8601 date-time. */
  deadline: string;
  zone: string;
  reminder: boolean;
}

const standpoint: Record<Locale, Record<PrepRole, string>> = {
  ja: { manager: '上司', mentor: 'メンター' },
  en: { manager: 'manager', mentor: 'mentor' },
};

/**
 * Asks the manager or mentor how the new hire is doing before HR's 1on1: HR picks its topics from the answer,
 * so that small signs of trouble show early instead of after someone has decided to leave.
 */
export const renderManagerPrepRequest = (input: ManagerPrepRequestInput): RenderedEmail => {
  const { locale, recipientName, role, employeeName, hrName, round, formUrl, reminder } = input;
  const deadline = formatDateTime(input.deadline, input.zone, locale);
  if (locale === 'en') {
    const nudge: EmailBlock[] = reminder
      ? [
          {
            kind: 'paragraph',
            text: 'The deadline is getting close and I have not received your answer yet, so this is a gentle reminder.',
          },
        ]
      : [];
    return renderEmail({
      locale,
      subject: `${reminder ? 'Reminder: ' : ''}Before round ${round} of HR's 1on1 with ${employeeName}: how are they doing?`,
      greeting: `Dear ${recipientName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `This is ${hrName} from HR. For their first months, I hold a follow-up 1on1 with ${employeeName} every month, and round ${round} is coming up. As their ${standpoint.en[role]}, you see them day to day, so your view helps me prepare.`,
        },
        ...nudge,
        { kind: 'heading', text: 'What I would like to hear' },
        {
          kind: 'list',
          items: [
            'Recent progress at work',
            `How they seem (${wellbeings.map((value) => wellbeingLabels.en[value].toLowerCase()).join(', ')})`,
            'Topics you would like HR to raise',
          ],
        },
        {
          kind: 'paragraph',
          text: 'I use your answer to choose what to talk about in the session, so that small signs of trouble show early. It is not used to evaluate them, and I do not show it to them as it is.',
        },
        { kind: 'facts', rows: [{ label: 'Please answer by', value: deadline }] },
        { kind: 'link', label: 'Open the form', url: formUrl },
        {
          kind: 'paragraph',
          text: 'A few bullet points are enough. If there is no answer by the deadline, the session goes ahead with what I have.',
        },
      ],
      signature: `${hrName}, HR`,
    });
  }
  const nudge: EmailBlock[] = reminder
    ? [{ kind: 'paragraph', text: '回答期限が近づいてきましたので、あらためてご連絡しました。' }]
    : [];
  return renderEmail({
    locale,
    subject: `${reminder ? '【リマインド】' : '【ご協力のお願い】'}${employeeName}さんの第${round}回フォローアップ面談に向けて、最近の様子を教えてください`,
    greeting: `${recipientName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `お疲れさまです。人事の${hrName}です。\n入社後のフォローアップとして、${employeeName}さんと毎月1on1の面談をしており、まもなく第${round}回を行います。日頃近くで接している${standpoint.ja[role]}の立場から見た様子を、事前に伺えればと思います。`,
      },
      ...nudge,
      { kind: 'heading', text: '伺いたいこと' },
      {
        kind: 'list',
        items: [
          '最近の業務の進捗',
          `本人の様子（${wellbeings.map((value) => wellbeingLabels.ja[value]).join('・')}）`,
          '面談で人事から話題にしてほしいこと',
        ],
      },
      {
        kind: 'paragraph',
        text: 'いただいた回答は、人事が面談で話すテーマを選ぶために使います。小さな変化や気がかりに早めに気づけるようにするためのもので、本人の評価には使わず、回答をそのまま本人に見せることもありません。',
      },
      { kind: 'facts', rows: [{ label: '回答期限', value: deadline }] },
      { kind: 'link', label: 'フォームを開く', url: formUrl },
      {
        kind: 'paragraph',
        text: '数行の箇条書きでも構いません。期限までにご回答がない場合は、手元の情報で面談を行います。',
      },
    ],
    signature: `人事 ${hrName}`,
  });
};
