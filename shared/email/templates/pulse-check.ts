import type { Locale } from '#shared/domain/locale.ts';
import { weatherLabels, weathers } from '#shared/domain/pulse.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface PulseCheckInput {
  locale: Locale;
  employeeName: string;
  hrName: string;
  hrEmail: string;
  /** The check's signed form link; each answer adds itself to it. */
  formUrl: string;
  /** ISO 8601 date-time: when the check closes. */
  closesAt: string;
  zone: string;
  reminder: boolean;
  /** The company's own wording of the question, from the journey's template. */
  question?: string;
}

/** Each answer is a link of its own; opening one only shows the page, where the person sends it. */
const answerLinks = (locale: Locale, formUrl: string) =>
  weathers.map((weather) => ({
    label: weatherLabels[locale][weather],
    url: `${formUrl}?answer=${weather}`,
  }));

/**
 * The new hire's pulse check: one question, answered as weather in one click. Worded as a check-in, never as
 * an assessment, and it says plainly who reads the answer: HR, and nobody in the team.
 */
export const renderPulseCheck = (input: PulseCheckInput): RenderedEmail => {
  const { locale, employeeName, hrName, hrEmail, reminder } = input;
  const closesAt = formatDateTime(input.closesAt, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: reminder
        ? 'Reminder: how are you doing at work lately? (one click)'
        : 'How are you doing at work lately? (one click)',
      greeting: `Dear ${employeeName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: reminder
            ? `This is a gentle reminder of our short check-in from HR (${hrName}). If you have a moment, we would love to hear how you are.`
            : `This is ${hrName} from HR, with a short check-in for your first months. It takes a few seconds.`,
        },
        { kind: 'heading', text: input.question ?? 'How are you doing at work lately?' },
        { kind: 'choices', items: answerLinks(locale, input.formUrl) },
        {
          kind: 'paragraph',
          text: 'Choose the weather closest to how things feel. A page opens with your choice; nothing is sent until you press "Send" there. On the same page you can also say how your workload and your relationships at work feel, and add a comment, if you like.',
        },
        {
          kind: 'paragraph',
          text: 'Only HR reads your answers. They are never shown to your manager, your mentor or anyone in your team, and they are not used to evaluate you. A rainy or stormy answer is just as welcome as a sunny one: it helps us support you.',
        },
        { kind: 'facts', rows: [{ label: 'Open until', value: closesAt }] },
        {
          kind: 'paragraph',
          text: `If you would like to talk, reply to this email or contact ${hrName} (${hrEmail}) at any time.`,
        },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: reminder
      ? '【再送】最近、仕事の調子はいかがですか？（1クリックで回答できます）'
      : '最近、仕事の調子はいかがですか？（1クリックで回答できます）',
    greeting: `${employeeName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: reminder
          ? `人事の${hrName}です。先日お送りした短いチェックのご案内を、念のためもう一度お送りします。お手すきのときに、今の様子を教えてください。`
          : `人事の${hrName}です。入社後の毎日、おつかれさまです。最近の様子を伺う短いチェックです。数秒で答えられます。`,
      },
      { kind: 'heading', text: input.question ?? '最近、仕事の調子はいかがですか？' },
      { kind: 'choices', items: answerLinks(locale, input.formUrl) },
      {
        kind: 'paragraph',
        text: 'いちばん近い天気を選んでください。選んだ答えが入ったページが開き、そのページの「送信する」を押すまで回答は送られません。よろしければ、同じページで仕事量や人間関係についても教えてください。',
      },
      {
        kind: 'paragraph',
        text: '回答は人事だけが読みます。上司やメンター、チームの誰にも見せることはなく、評価に使うこともありません。「雨」や「大雨」も、「快晴」と同じように大切な答えです。サポートのために使わせてください。',
      },
      { kind: 'facts', rows: [{ label: '回答期限', value: closesAt }] },
      {
        kind: 'paragraph',
        text: `話したいことがあれば、このメールに返信するか、人事の${hrName}（${hrEmail}）までいつでもご連絡ください。`,
      },
    ],
    signature: automatedSignature.ja,
  });
};
