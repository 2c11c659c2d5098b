import type { Locale } from '#shared/domain/locale.ts';
import { renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface InterviewerInsightRequestInput {
  locale: Locale;
  interviewerName: string;
  candidateName: string;
  hrName: string;
  formUrl: string;
  /** ISO 8601 date-time. */
  deadline: string;
  zone: string;
  reminder: boolean;
}

/**
 * Asks an interviewer what they sensed in the candidate, including what the candidate never said out loud:
 * HR can then raise it in the offer meeting instead of waiting for the candidate to.
 */
export const renderInterviewerInsightRequest = (input: InterviewerInsightRequestInput): RenderedEmail => {
  const { locale, interviewerName, candidateName, hrName, formUrl, reminder } = input;
  const deadline = formatDateTime(input.deadline, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `${reminder ? 'Reminder: ' : ''}Before the offer meeting: what did you sense in ${candidateName}?`,
      greeting: `Dear ${interviewerName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `This is ${hrName} from HR. ${candidateName} has received an offer, and I will meet them in a follow-up meeting so they can decide with conviction. You met them during selection, so your view helps me prepare.`,
        },
        ...(reminder
          ? [
              {
                kind: 'paragraph' as const,
                text: 'The deadline is getting close and I have not received your answer yet, so this is a gentle reminder.',
              },
            ]
          : []),
        { kind: 'heading', text: 'What I would like to hear' },
        {
          kind: 'list',
          items: [
            'Hesitations or worries you sensed in the candidate, including ones they never said out loud',
            'Your overall impressions',
            'Strengths worth feeding back to them',
          ],
        },
        { kind: 'facts', rows: [{ label: 'Please answer by', value: deadline }] },
        { kind: 'link', label: 'Open the form', url: formUrl },
        {
          kind: 'paragraph',
          text: 'A few bullet points are enough. Only HR reads your answer, to prepare for the meeting. If there is no answer by the deadline, I will prepare with what I have.',
        },
      ],
      signature: `${hrName}, HR`,
    });
  }
  return renderEmail({
    locale,
    subject: `${reminder ? '【リマインド】' : '【ご協力のお願い】'}${candidateName}さんのオファー面談に向けて、選考で感じた迷いや不安を教えてください`,
    greeting: `${interviewerName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `お疲れさまです。人事の${hrName}です。\n${candidateName}さんに内定をお伝えし、納得感を持って入社を判断していただくためのフォローアップ面談（オファー面談）を行います。選考で実際に接した方の目から見た様子を、事前に伺えればと思います。`,
      },
      ...(reminder
        ? [
            {
              kind: 'paragraph' as const,
              text: '回答期限が近づいてきましたので、あらためてご連絡しました。',
            },
          ]
        : []),
      { kind: 'heading', text: '伺いたいこと' },
      {
        kind: 'list',
        items: [
          '選考中に感じた、候補者の迷いや不安・懸念（本人がはっきり口にしなかったものも含めて）',
          '全体的な印象',
          'フィードバックとして本人に伝えたい強み',
        ],
      },
      { kind: 'facts', rows: [{ label: '回答期限', value: deadline }] },
      { kind: 'link', label: 'フォームを開く', url: formUrl },
      {
        kind: 'paragraph',
        text: '数行の箇条書きでも構いません。回答は人事が面談の準備のためだけに使います。期限までにご回答がない場合は、手元の情報で準備を進めます。',
      },
    ],
    signature: `人事 ${hrName}`,
  });
};
