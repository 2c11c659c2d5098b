import { conditionLabels, wellbeingLabels } from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { type Weather, weatherLabels } from '#shared/domain/pulse.ts';
import type { PulseAlertCause } from '#shared/domain/pulse-alert.ts';
import { automatedSignature, type EmailBlock, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

/** What a pulse alert tells HR: why it was raised and the latest answers, never the person's comments. */
export interface PulseSignal {
  cause: PulseAlertCause;
  /** The answers that raised it, oldest first: the latest alone, or the run that fell. */
  answers: Weather[];
}

export type AlertReason =
  | 'manager-worried'
  | 'mentor-worried'
  | 'condition-alert'
  | 'pulse'
  /** HR recorded `alert` again after the round's extra follow-up session. */
  | 'follow-up-alert';

export interface AlertInput {
  locale: Locale;
  /** The HR lead, who decides who follows up, or the HR contact, in whose name the extra session was sent. */
  audience: 'lead' | 'contact';
  /** Left out for a lead whose name is not known: the mail then greets the role. */
  recipientName?: string;
  /** The HR contact. */
  hrName: string;
  /** For the HR contact: whether an HR lead other than them was told as well. */
  leadTold?: boolean;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  reason: AlertReason;
  /** With reason `pulse`. */
  pulse?: PulseSignal;
  /** The extra session, ISO 8601 date-time. */
  followUpAt: string;
  /** The extra session was proposed after an earlier alert this round: no second invitation went out. */
  alreadyProposed?: boolean;
  zone: string;
  /** Where the journey's timeline can be read, when the deployment has such a page. */
  journeyUrl?: string;
}

const pulseReasons: Record<Locale, Record<PulseAlertCause, (answers: string) => string>> = {
  ja: {
    stormy: (answers) =>
      `本人がパルスチェック（人事だけが見る短いアンケート）に「${answers}」と回答しました。`,
    'below-usual': (answers) =>
      `本人のパルスチェックの回答が「${answers}」で、本人のいつもの回答より2段階以上低くなっています。`,
    falling: (answers) => `本人のパルスチェックの回答が、直近3回続けて前回より下がっています（${answers}）。`,
  },
  en: {
    stormy: (answers) => `In their pulse check (a short survey only HR sees), they answered "${answers}".`,
    'below-usual': (answers) =>
      `In their pulse check they answered "${answers}", two steps or more below their own usual.`,
    falling: (answers) =>
      `Their last three pulse check answers were each lower than the one before (${answers}).`,
  },
};

const pulseReason = (locale: Locale, pulse: PulseSignal | undefined): string => {
  // The extra session's brief names the reason without the signal: its own section shows the answers.
  if (!pulse) {
    return locale === 'ja'
      ? '本人のパルスチェックの回答から、個別のフォローが必要と判断されました。'
      : "The new hire's pulse check called for individual follow-up.";
  }
  const answers = pulse.answers.map((answer) => weatherLabels[locale][answer]).join(' → ');
  return `${pulseReasons[locale][pulse.cause](answers)}${locale === 'ja' ? '本人のコメントはこのメールには含まれていません。' : ' Their comments are not part of this email.'}`;
};

const reasons: Record<Locale, Record<AlertReason, (round: number, pulse?: PulseSignal) => string>> = {
  ja: {
    'manager-worried': (round) =>
      `第${round}回の面談前のヒアリングで、上司が本人の様子を「${wellbeingLabels.ja.worried}」と回答しました。`,
    'mentor-worried': (round) =>
      `第${round}回の面談前のヒアリングで、メンターが本人の様子を「${wellbeingLabels.ja.worried}」と回答しました。`,
    'condition-alert': (round) =>
      `第${round}回の人事面談の記録で、コンディションが「${conditionLabels.ja.alert}」とされました。`,
    pulse: (_round, pulse) => pulseReason('ja', pulse),
    'follow-up-alert': (round) =>
      `第${round}回の追加のフォロー面談の記録で、コンディションが「${conditionLabels.ja.alert}」とされました。`,
  },
  en: {
    'manager-worried': (round) =>
      `Before the round ${round} session, the manager answered "${wellbeingLabels.en.worried}" about how they seem.`,
    'mentor-worried': (round) =>
      `Before the round ${round} session, the mentor answered "${wellbeingLabels.en.worried}" about how they seem.`,
    'condition-alert': (round) =>
      `HR recorded the condition after the round ${round} session as "${conditionLabels.en.alert}".`,
    pulse: (_round, pulse) => pulseReason('en', pulse),
    'follow-up-alert': (round) =>
      `HR recorded the condition after the extra follow-up session of round ${round} as "${conditionLabels.en.alert}".`,
  },
};

/** Why the alert was raised, in one line for HR: the alert mails and the extra session's brief say the same. */
export const alertReasonText = (
  reason: AlertReason,
  round: number,
  locale: Locale,
  pulse?: PulseSignal,
): string => reasons[locale][reason](round, pulse);

const englishNextSteps = (input: AlertInput): string[] => {
  const { hrName } = input;
  const support = 'Keep it a conversation to support them, never an evaluation.';
  if (input.reason === 'follow-up-alert') {
    return [
      'The extra follow-up session at this time has taken place, and this was recorded after it. No further session was proposed.',
      `Please agree${input.audience === 'lead' ? ` with ${hrName}` : input.leadTold ? ' with the HR lead' : ''} on how to go on supporting them. ${support}`,
      "HR's private session notes are not part of this email.",
    ];
  }
  if (input.audience === 'lead') {
    return [
      input.alreadyProposed
        ? `An extra 1on1 at this time was already proposed to them this round, in the name of ${hrName}, the HR member in charge; no second invitation was sent.`
        : `An extra 1on1 at this time was sent to them in the name of ${hrName}, the HR member in charge.`,
      `Please agree with ${hrName} who follows up, and move it if needed. ${support}`,
      "HR's private session notes are not part of this email. For details, talk with the HR member in charge directly.",
    ];
  }
  return [
    input.alreadyProposed
      ? 'An extra 1on1 at this time was already proposed to them this round in your name; no second invitation was sent.'
      : 'An extra 1on1 at this time was sent to them in your name.',
    input.leadTold
      ? `The HR lead has been told as well: agree with them who follows up, and move the session with the new hire if needed. ${support}`
      : `Move the session with the new hire if needed. ${support}`,
    ...(input.leadTold ? ["HR's private session notes are not part of the HR lead's email either."] : []),
  ];
};

const japaneseNextSteps = (input: AlertInput): string[] => {
  const { hrName } = input;
  const support = '評価ではなく、支援のための対話として行ってください。';
  if (input.reason === 'follow-up-alert') {
    return [
      `この日時の追加のフォロー面談は実施済みで、その記録を受けての連絡です（新しい面談の提案はしていません）。`,
      `${input.audience === 'lead' ? `${hrName} さんと` : input.leadTold ? '人事責任者と' : ''}今後の支援の進め方を確認してください。${support}`,
      '人事面談の非公開メモは、このメールには含まれていません。',
    ];
  }
  if (input.audience === 'lead') {
    return [
      input.alreadyProposed
        ? `この回の追加の1on1は、すでにこの日時で、担当の人事 ${hrName} さんの名前で本人に提案しています（新しい招待は送っていません）。`
        : `この日時で、担当の人事 ${hrName} さんの名前で、本人に追加の1on1の招待を送りました。`,
      `${hrName} さんと誰がフォローするかを確認し、必要に応じて日程を調整してください。${support}`,
      '人事面談の非公開メモは、このメールには含まれていません。詳しくは担当の人事と直接お話しください。',
    ];
  }
  return [
    input.alreadyProposed
      ? 'この回の追加の1on1は、すでにこの日時で、あなたの名前で本人に提案しています（新しい招待は送っていません）。'
      : 'この日時で、あなたの名前で、本人に追加の1on1の招待を送りました。',
    input.leadTold
      ? `人事責任者にも連絡しています。誰がフォローするかを人事責任者と確認し、必要に応じて本人と日程を調整してください。${support}`
      : `必要に応じて、本人と日程を調整してください。${support}`,
    ...(input.leadTold ? ['人事責任者へのメールにも、人事面談の非公開メモは含まれていません。'] : []),
  ];
};

/**
 * Tells the HR lead, and the HR contact in whose name the extra session goes out, that a new hire needs
 * individual follow-up and when the extra session is. It says why in one line and no more: it has no access
 * to HR's private notes, so it can never quote them.
 */
export const renderAlert = (input: AlertInput): RenderedEmail => {
  const { locale, recipientName, employeeName, round, reason, journeyUrl } = input;
  const followUpAt = formatDateTime(input.followUpAt, input.zone, locale);
  if (locale === 'en') {
    const link: EmailBlock[] = journeyUrl
      ? [{ kind: 'link', label: 'Open the journey', url: journeyUrl }]
      : [];
    return renderEmail({
      locale,
      subject: `Follow-up needed: ${employeeName} (round ${round})`,
      greeting: `Dear ${recipientName ?? 'HR lead'},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `There is a sign that ${employeeName} needs individual follow-up during their first months.`,
        },
        {
          kind: 'facts',
          rows: [
            { label: 'Why', value: alertReasonText(reason, round, 'en', input.pulse) },
            { label: 'Extra follow-up session', value: followUpAt },
          ],
        },
        ...englishNextSteps(input).map((text): EmailBlock => ({ kind: 'paragraph', text })),
        ...link,
      ],
      signature: automatedSignature.en,
    });
  }
  const link: EmailBlock[] = journeyUrl ? [{ kind: 'link', label: '経過を確認する', url: journeyUrl }] : [];
  return renderEmail({
    locale,
    subject: `【要フォロー】${employeeName}さん（第${round}回）の個別フォローをお願いします`,
    greeting: recipientName ? `${recipientName} さん` : '人事責任者様',
    blocks: [
      {
        kind: 'paragraph',
        text: `${employeeName}さんの入社後フォローアップで、個別のフォローが必要なサインがありました。`,
      },
      {
        kind: 'facts',
        rows: [
          { label: '理由', value: alertReasonText(reason, round, 'ja', input.pulse) },
          { label: '追加のフォロー面談（日時）', value: followUpAt },
        ],
      },
      ...japaneseNextSteps(input).map((text): EmailBlock => ({ kind: 'paragraph', text })),
      ...link,
    ],
    signature: automatedSignature.ja,
  });
};
