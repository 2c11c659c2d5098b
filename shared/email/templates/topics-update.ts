import type { Locale } from '#shared/domain/locale.ts';
import type { OfferBriefSection } from '#shared/domain/offer-brief.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { briefBlocks } from '#shared/email/templates/meeting-brief.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface TopicsUpdateInput {
  locale: Locale;
  hrName: string;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  /** ISO 8601 date-time. */
  sessionAt: string;
  zone: string;
  /** The brief's section for what the new hire wrote, so both read the same. */
  section: OfferBriefSection;
}

/** What the new hire would like to talk about, for HR, when it arrived after the round's brief went out. */
export const renderTopicsUpdate = (input: TopicsUpdateInput): RenderedEmail => {
  const { locale, hrName, employeeName, round } = input;
  const sessionAt = formatDateTime(input.sessionAt, input.zone, locale);
  const blocks = briefBlocks({ sections: [input.section] });
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Round ${round} 1on1: what ${employeeName} would like to talk about (${sessionAt})`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `${employeeName} told HR what they would like to talk about in the round ${round} 1on1, after its brief went out. Please read it before the session; it is for HR only.`,
        },
        { kind: 'facts', rows: [{ label: 'Session', value: sessionAt }] },
        ...blocks,
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: `第${round}回フォローアップ面談：${employeeName}さんが話したいこと（${sessionAt}）`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `準備資料をお送りしたあとに、${employeeName}さんから第${round}回の1on1で話したいことが届きました。面談の前にお読みください。人事だけが読む内容です。`,
      },
      { kind: 'facts', rows: [{ label: '日時', value: sessionAt }] },
      ...blocks,
    ],
    signature: automatedSignature.ja,
  });
};
