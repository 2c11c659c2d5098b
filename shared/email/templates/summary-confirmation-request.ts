import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface SummaryConfirmationRequestInput {
  locale: Locale;
  employeeName: string;
  hrName: string;
  /** 1 is the first round. */
  round: number;
  formUrl: string;
  /** ISO 8601 date-time after which nothing is shared. */
  deadline: string;
  zone: string;
  /** After the round's extra follow-up session: without a yes, the team is not told of it at all. */
  followUp?: boolean;
}

/**
 * Asks the new hire to look at what HR would pass on to their manager and mentor before anyone sees it. The
 * text itself is on the page behind the link, where they decide; the mail says what each answer does and that
 * silence shares nothing, so no one feels pushed to say yes.
 */
export const renderSummaryConfirmationRequest = (input: SummaryConfirmationRequestInput): RenderedEmail => {
  const { locale, employeeName, hrName, round, formUrl, followUp } = input;
  const deadline = formatDateTime(input.deadline, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: followUp
        ? 'Please check what would be shared with your team after your extra 1on1 with HR'
        : `Please check what would be shared with your team after your 1on1 with HR (round ${round})`,
      greeting: `Dear ${employeeName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `Thank you for taking the time for your ${followUp ? 'extra follow-up 1on1' : `follow-up 1on1 (round ${round})`} with ${hrName}. In the session you agreed that some of what you talked about could be shared with your manager and mentor, so that they can support you.`,
        },
        {
          kind: 'paragraph',
          text: 'Before anything reaches them, please read the exact text HR would share and tell us whether it may be shared.',
        },
        { kind: 'link', label: 'Read the text and choose', url: formUrl },
        { kind: 'facts', rows: [{ label: 'Please answer by', value: deadline }] },
        {
          kind: 'list',
          items: [
            '"Share it": your manager and mentor receive exactly this text, and nothing else from the session.',
            followUp
              ? '"Don\'t share it": nothing reaches them, not even that this session took place. Only HR is told, so that HR can check with you.'
              : '"Don\'t share it": nothing from the session reaches them except that it took place. Only HR is told, so that HR can check with you.',
            'If there is no answer by then, nothing is shared. That is perfectly fine.',
          ],
        },
        {
          kind: 'paragraph',
          text: `If you would like the text changed, or simply want to talk it over, please reply to this email or contact ${hrName}. This is about support, never an evaluation.`,
        },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: followUp
      ? '追加のフォロー面談の内容のうち、チームに共有する文面のご確認のお願い'
      : `第${round}回人事面談の内容のうち、チームに共有する文面のご確認のお願い`,
    greeting: `${employeeName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `先日は${followUp ? '追加のフォロー面談' : `第${round}回フォローアップ面談`}（${hrName} さんとの1on1）にお時間をいただき、ありがとうございました。面談では、上司・メンターがサポートしやすいよう、お話の一部をチームに共有してよいとお聞きしました。`,
      },
      {
        kind: 'paragraph',
        text: '上司・メンターに届く前に、実際に共有する文面をご本人にご確認いただきたく、ご連絡しました。下のリンクから文面をお読みいただき、共有してよいかをお選びください。',
      },
      { kind: 'link', label: '文面を確認して選ぶ', url: formUrl },
      { kind: 'facts', rows: [{ label: 'ご回答の期限', value: deadline }] },
      {
        kind: 'list',
        items: [
          '「共有してよい」：上司・メンターには、この文面だけがそのまま届きます。',
          followUp
            ? '「共有しない」：上司・メンターには、この面談を実施したことも含めて何も伝わりません。人事にのみお知らせし、必要があれば人事からご相談します。'
            : '「共有しない」：上司・メンターには、面談を実施したことだけが伝わります。人事にのみお知らせし、必要があれば人事からご相談します。',
          '期限までにご回答がない場合は、何も共有しません。それでまったく問題ありません。',
        ],
      },
      {
        kind: 'paragraph',
        text: `文面を直したい場合や、少し話したいことがある場合は、このメールへの返信か${hrName} さんまでお気軽にご連絡ください。評価のためのものではなく、安心して働いていただくためのサポートです。`,
      },
    ],
    signature: automatedSignature.ja,
  });
};
