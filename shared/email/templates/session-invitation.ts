import type { Locale } from '#shared/domain/locale.ts';
import { type EmailBlock, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { locationFact } from '#shared/email/templates/location-fact.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface SessionInvitationInput {
  locale: Locale;
  employeeName: string;
  hrName: string;
  /** 1 is the first round. */
  round: number;
  /** ISO 8601 date-time. */
  sessionAt: string;
  zone: string;
  durationMinutes: number;
  /** A room, an address or a video link. */
  location?: string;
  /** The manager may join this round; never in round 1. */
  threeParty: boolean;
  managerName: string;
  /**
   * An extra session HR proposed after an alert, besides the monthly ones. `afterSession`: whether a 1on1 with
   * HR already took place, so the invitation may speak of "our last conversation".
   */
  followUp?: { afterSession: boolean };
  /** The optional form on which the new hire tells HR, and only HR, what they would like to talk about. */
  topicsUrl?: string;
}

/**
 * Invites the new hire to HR's 1on1. Worded as support, never as a review of their work: a new hire who feels
 * watched answers "no problems" and the real worry stays hidden until they leave.
 */
export const renderSessionInvitation = (input: SessionInvitationInput): RenderedEmail => {
  const { locale, employeeName, hrName, round, durationMinutes, threeParty, managerName } = input;
  const followUp = input.followUp !== undefined;
  const afterSession = input.followUp?.afterSession === true;
  const sessionAt = formatDateTime(input.sessionAt, input.zone, locale);
  const { topicsUrl } = input;
  if (locale === 'en') {
    const topics: EmailBlock[] = followUp
      ? [
          {
            kind: 'paragraph',
            text: afterSession
              ? 'Just tell me how things have been since we last talked, and anything that is on your mind.'
              : 'Just tell me how things have been going, and anything that is on your mind.',
          },
        ]
      : [
          { kind: 'heading', text: 'What we can talk about' },
          {
            kind: 'list',
            items: [
              'How you are feeling, and your condition',
              'Settling into the workplace and the team, and who you can turn to',
              'Your thoughts about your career',
              'The balance between work and private life',
              'Anything that is hard to say within the team',
            ],
          },
        ];
    return renderEmail({
      locale,
      subject: followUp
        ? `An extra 1on1 with HR: ${sessionAt}`
        : `Your 1on1 with HR (round ${round}): ${sessionAt}`,
      greeting: `Dear ${employeeName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: !followUp
            ? `This is ${hrName} from HR. I have set aside time for a 1on1 (round ${round}) to hear how you are doing since you joined, and to think together about anything that is bothering you.`
            : afterSession
              ? `This is ${hrName} from HR. Following on from our last conversation, I have set aside some extra time to hear how you are doing.`
              : `This is ${hrName} from HR. Besides the regular 1on1s, I have set aside some extra time to hear how you are doing since you joined.`,
        },
        {
          kind: 'facts',
          rows: [
            { label: 'When', value: sessionAt },
            { label: 'Length', value: `about ${durationMinutes} minutes` },
            ...locationFact(locale, input.location),
          ],
        },
        ...topics,
        {
          kind: 'paragraph',
          text: 'This is not a check on how well you do your work. Small doubts and things that are not going well are exactly what this time is for.',
        },
        {
          kind: 'paragraph',
          text: 'What you tell me stays with HR. Only what you agree to share is passed on to your manager or team.',
        },
        ...(topicsUrl
          ? [
              {
                kind: 'paragraph' as const,
                text: 'If you like, you can tell me beforehand what you would like to talk about, and anything you would rather I did not raise with your team. It is optional, and only HR reads it: never your manager or mentor.',
              },
              {
                kind: 'link' as const,
                label: 'What you would like to talk about (optional)',
                url: topicsUrl,
              },
            ]
          : []),
        ...(threeParty
          ? [
              {
                kind: 'paragraph' as const,
                text: `This time your manager, ${managerName}, may join us as a three-party meeting. Joining is optional: if you would rather talk with HR only, just reply to this email.`,
              },
            ]
          : []),
        {
          kind: 'paragraph',
          text: 'A calendar file (.ics) is attached so you can add the session to your calendar. If the time does not suit you, just reply to this email.',
        },
      ],
      signature: `${hrName}, HR`,
    });
  }
  const topics: EmailBlock[] = followUp
    ? [
        {
          kind: 'paragraph',
          text: afterSession
            ? '前回お話ししたことのその後や、最近気になっていることを、気軽にお聞かせください。'
            : '最近の様子や、気になっていることを、気軽にお聞かせください。',
        },
      ]
    : [
        { kind: 'heading', text: 'お話ししたいこと' },
        {
          kind: 'list',
          items: [
            '最近の体調や気持ちの面（コンディション）',
            '職場やチームへの慣れ具合、相談できる人とのつながり',
            '今後のキャリアについての考え',
            '仕事とプライベートのバランス',
            'チームの中では話しにくいこと',
          ],
        },
      ];
  return renderEmail({
    locale,
    subject: followUp
      ? `【ご案内】人事との追加の1on1のお知らせ（${sessionAt}）`
      : `【ご案内】人事との1on1（第${round}回フォローアップ面談）のお知らせ（${sessionAt}）`,
    greeting: `${employeeName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: !followUp
          ? `人事の${hrName}です。入社されてからの様子を伺い、困っていることや気になっていることを一緒に考える時間として、1on1の面談（第${round}回）を設けました。`
          : afterSession
            ? `人事の${hrName}です。前回の面談に続いて、その後の様子を伺うための1on1を追加で設けました。`
            : `人事の${hrName}です。定例の面談とは別に、入社されてからの様子を伺うための1on1を追加で設けました。`,
      },
      {
        kind: 'facts',
        rows: [
          { label: '日時', value: sessionAt },
          { label: '所要時間', value: `約${durationMinutes}分` },
          ...locationFact(locale, input.location),
        ],
      },
      ...topics,
      {
        kind: 'paragraph',
        text: 'この面談は、仕事の出来を確かめる場ではありません。うまくいっていないことや小さな違和感も、そのまま話していただければ大丈夫です。',
      },
      {
        kind: 'paragraph',
        text: 'お話しいただいた内容は人事の中にとどめます。上司やチームに伝えるのは、あなたが同意した内容だけです。',
      },
      ...(topicsUrl
        ? [
            {
              kind: 'paragraph' as const,
              text: 'よろしければ、面談で話したいことや、人事からチームには伝えないでほしいことを事前にお知らせください。回答は任意で、読むのは人事だけです。上司やメンターが見ることはありません。',
            },
            { kind: 'link' as const, label: '1on1で話したいこと（任意）', url: topicsUrl },
          ]
        : []),
      ...(threeParty
        ? [
            {
              kind: 'paragraph' as const,
              text: `今回は、上司の${managerName}さんも同席する三者面談にすることができます。同席は任意です。人事とだけ話したい場合は、遠慮なくこのメールにご返信ください。`,
            },
          ]
        : []),
      {
        kind: 'paragraph',
        text: 'カレンダーに登録していただけるよう、招待ファイル（.ics）を添付しています。ご都合が合わない場合は、このメールにご返信ください。',
      },
    ],
    signature: `人事 ${hrName}`,
  });
};

/** The calendar entry's title: short, since calendars show it in a narrow box all through the month. */
export const sessionTitle = (locale: Locale, hrName: string, round: number, followUp?: boolean): string => {
  if (locale === 'en') return followUp ? `Extra 1on1 with ${hrName}` : `1on1 with ${hrName} (round ${round})`;
  return followUp ? `人事との追加の1on1（${hrName}）` : `人事との1on1 第${round}回（${hrName}）`;
};
