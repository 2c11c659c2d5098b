import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDate } from '#shared/time/format.ts';

export interface OutcomeRequestInput {
  locale: Locale;
  hrName: string;
  candidateName: string;
  formUrl: string;
  /** 1 for the first request; later requests follow an "undecided". */
  ask: number;
  /** The candidate's reply deadline, an ISO date. */
  respondBy: string;
}

/** Asks HR how the offer meeting ended, and asks again while the candidate is still deciding. */
export const renderOutcomeRequest = (input: OutcomeRequestInput): RenderedEmail => {
  const { locale, hrName, candidateName, formUrl, ask } = input;
  const respondBy = formatDate(input.respondBy, locale);
  const again = ask > 1;
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: again
        ? `Has ${candidateName} decided? (check ${ask})`
        : `How did the offer meeting with ${candidateName} go?`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: again
            ? `Last time, ${candidateName} was still deciding. Please record where things stand now.`
            : `Please record the outcome of your offer meeting with ${candidateName}.`,
        },
        { kind: 'facts', rows: [{ label: "Candidate's reply deadline", value: respondBy }] },
        { kind: 'link', label: 'Record the outcome', url: formUrl },
        {
          kind: 'list',
          items: [
            'Decision: accepted, declined, or still deciding (you will be asked again later, until the reply deadline).',
            'Remaining concerns: the worries that remain after the meeting. If the offer is accepted, they go to the manager and mentor so the team can prepare.',
            'Notes: for HR only, never shared.',
          ],
        },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: again
      ? `【${ask}回目の確認】${candidateName}さんのご意向を記録してください`
      : `${candidateName}さんのオファー面談の結果を記録してください`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: again
          ? `前回の記録では、${candidateName}さんはまだ検討中でした。その後のご意向を記録してください。`
          : `${candidateName}さんとのオファー面談、お疲れさまでした。面談の結果を記録してください。`,
      },
      { kind: 'facts', rows: [{ label: '候補者の回答期限', value: respondBy }] },
      { kind: 'link', label: '結果を記録する', url: formUrl },
      {
        kind: 'list',
        items: [
          'ご意向：承諾・辞退・検討中（検討中の場合は、回答期限まで後日あらためて伺います）',
          '残っている不安：面談後もまだ残っている不安や気がかり。入社を承諾された場合、配属先の上司・メンターに共有され、受け入れ準備に使われます。',
          '人事メモ：人事だけが見るメモです。誰にも共有されません。',
        ],
      },
    ],
    signature: automatedSignature.ja,
  });
};
