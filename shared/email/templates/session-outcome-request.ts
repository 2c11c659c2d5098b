import { conditionLabels, conditions } from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, type EmailBlock, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface SessionOutcomeRequestInput {
  locale: Locale;
  hrName: string;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  formUrl: string;
  /** ISO 8601 date-time after which the round goes on as not recorded. */
  deadline: string;
  zone: string;
  reminder: boolean;
  /** The round's extra follow-up session rather than the round's own 1on1. */
  followUp?: boolean;
}

/** Asks HR to record how the 1on1 went, and what, if anything, the new hire agreed to share with the team. */
export const renderSessionOutcomeRequest = (input: SessionOutcomeRequestInput): RenderedEmail => {
  const { locale, hrName, employeeName, round, formUrl, reminder, followUp } = input;
  const deadline = formatDateTime(input.deadline, input.zone, locale);
  if (locale === 'en') {
    const nudge: EmailBlock[] = reminder
      ? [
          {
            kind: 'paragraph',
            text: 'The record of this session has not arrived yet, so this is a gentle reminder.',
          },
        ]
      : [];
    return renderEmail({
      locale,
      subject: followUp
        ? `${reminder ? 'Reminder: ' : ''}How did the extra follow-up 1on1 with ${employeeName} (round ${round}) go?`
        : `${reminder ? 'Reminder: ' : ''}How did round ${round} of the 1on1 with ${employeeName} go?`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: followUp
            ? `Thank you for the extra follow-up 1on1 with ${employeeName}, proposed in round ${round}. Please record how it went.`
            : `Thank you for round ${round} of the follow-up 1on1 with ${employeeName}. Please record how it went.`,
        },
        ...nudge,
        { kind: 'facts', rows: [{ label: 'Please record by', value: deadline }] },
        { kind: 'link', label: 'Record the session', url: formUrl },
        {
          kind: 'list',
          items: [
            `Condition: ${conditions.map((condition) => conditionLabels.en[condition].toLowerCase()).join(', ')}. "${conditionLabels.en.alert}" tells the HR lead${followUp ? ' again' : ' and proposes an extra follow-up session'}.`,
            'Private notes: for HR only, never shared with anyone.',
            followUp
              ? 'Consent: whether they agreed to share anything with the team. Without consent, the manager and mentor are not told of this session at all.'
              : 'Consent: whether they agreed to share anything with the team. Without consent, the manager and mentor learn only that the session took place.',
            'Team summary: with their consent, the manager and mentor receive exactly this text.',
            'Follow-up: what HR will do next; it stays in the HR record.',
          ],
        },
        {
          kind: 'paragraph',
          text: followUp
            ? 'Without a record by then, this session is closed as not recorded and the HR lead is told. The monthly rounds go on as planned either way.'
            : 'Without a record by then, the round is closed as not recorded, the HR lead is told, and the next round goes ahead as planned.',
        },
      ],
      signature: automatedSignature.en,
    });
  }
  const nudge: EmailBlock[] = reminder
    ? [{ kind: 'paragraph', text: '面談の記録がまだ届いていないため、あらためてご連絡しました。' }]
    : [];
  return renderEmail({
    locale,
    subject: followUp
      ? `${reminder ? '【リマインド】' : ''}${employeeName}さんとの追加のフォロー面談（第${round}回の期間中）の記録をお願いします`
      : `${reminder ? '【リマインド】' : ''}${employeeName}さんの第${round}回フォローアップ面談の記録をお願いします`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: followUp
          ? `${employeeName}さんとの追加のフォロー面談（第${round}回の期間中に提案した1on1）、お疲れさまでした。面談の内容を記録してください。`
          : `${employeeName}さんとの第${round}回フォローアップ面談（1on1）、お疲れさまでした。面談の内容を記録してください。`,
      },
      ...nudge,
      { kind: 'facts', rows: [{ label: '記録の期限', value: deadline }] },
      { kind: 'link', label: '面談を記録する', url: formUrl },
      {
        kind: 'list',
        items: [
          followUp
            ? `コンディション：${conditions.map((condition) => conditionLabels.ja[condition]).join('・')}。「${conditionLabels.ja.alert}」の場合は、人事責任者にもう一度連絡が入ります。`
            : `コンディション：${conditions.map((condition) => conditionLabels.ja[condition]).join('・')}。「${conditionLabels.ja.alert}」の場合は人事責任者に連絡が入り、追加のフォロー面談を提案します。`,
          '人事メモ：人事だけが見るメモです。誰にも共有されません。',
          followUp
            ? '本人の同意：チームへの共有に同意したかどうか。同意がない場合、上司・メンターにはこの面談のことを何も伝えません。'
            : '本人の同意：チームへの共有に同意したかどうか。同意がない場合、上司・メンターには面談を実施したことだけが伝わります。',
          'チームへの共有メモ：本人の同意がある場合に限り、この文面がそのまま上司・メンターに届きます。',
          '今後のフォロー：次回までに人事が行うこと。人事の記録として残ります。',
        ],
      },
      {
        kind: 'paragraph',
        text: followUp
          ? '期限までに記録がない場合、この面談は「記録なし」として締め切られ、人事責任者に連絡が入ります。月ごとの面談は、いずれの場合も予定どおり進みます。'
          : '期限までに記録がない場合、この回は「記録なし」として締め切られ、人事責任者に連絡が入ります。次の回は予定どおり進みます。',
      },
    ],
    signature: automatedSignature.ja,
  });
};
