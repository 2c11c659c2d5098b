import {
  ANSWER_MAX_LENGTH,
  type Condition,
  type Consent,
  conditionLabels,
  conditions,
  consents,
  type Decision,
  decisions,
  type FormKind,
  fieldErrorMessage,
  NOTES_MAX_LENGTH,
  PULSE_COMMENT_MAX_LENGTH,
  type ShareChoice,
  shareChoices,
  type Wellbeing,
  wellbeingLabels,
  wellbeings,
} from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { weatherLabels, weathers } from '#shared/domain/pulse.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';
import { renderPage } from '#shared/pages/page-layout.ts';
import { weatherIcon } from '#shared/pages/weather-icons.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface FormPageContext {
  recipientName: string;
  /** The person the form is about: the candidate, or the new hire once onboarding has begun. */
  candidateName: string;
  /** ISO 8601 date-time. */
  deadline?: string;
  zone: string;
  /** Which time HR is asked for the outcome; 1 is the first. */
  ask?: number;
  /** Which onboarding round the form belongs to; 1 is the first. */
  round?: number;
  /** The form is about the round's extra follow-up session, not the round's own 1on1. */
  followUp?: boolean;
  /** The exact team summary a summary confirmation asks about. */
  teamSummary?: string;
}

export interface FormPageInput {
  form: FormKind;
  locale: Locale;
  /** Where the form posts: the link's own path, so the signed token travels back unchanged. */
  action: string;
  context: FormPageContext;
  /** What the person typed, shown again when the answer needs fixing. */
  values?: Record<string, string>;
  /** Error codes by field, from `fieldErrors`. */
  errors?: Record<string, string>;
  /** The company's own wording of some questions, by field, from the journey's template. */
  questions?: Record<string, string>;
}

type Field =
  | { kind: 'text'; name: string; maxLength: number; label: string; hint: string; private?: boolean }
  | {
      kind: 'choice';
      name: string;
      label: string;
      hint: string;
      options: { value: string; label: string; icon?: SafeHtml }[];
      /** A question people may leave unanswered. */
      optional?: boolean;
      /** Few short options side by side (the weather scale) rather than one per line. */
      inline?: boolean;
    }
  /** One submit button per answer: the form is sent by choosing, with no separate "send". */
  | {
      kind: 'buttons';
      name: string;
      label: string;
      hint: string;
      options: { value: string; label: string }[];
    };

interface FormCopy {
  title: string;
  intro: string[];
  /** Words the form asks about, shown exactly as written (line breaks kept) before the fields. */
  quoted?: { label: string; text: string };
  fields: Field[];
}

interface PageCopy {
  deadline: (when: string) => string;
  errorSummary: string;
  labelSeparator: string;
  submit: string;
  forms: Record<FormKind, (context: FormPageContext) => FormCopy>;
}

// The page offers exactly the choices the schema accepts, in the schema's order.
const options = <Value extends string>(values: readonly Value[], labels: Record<Value, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
const decisionOptions = (labels: Record<Decision, string>) => options(decisions, labels);
const wellbeingOptions = (labels: Record<Wellbeing, string>) => options(wellbeings, labels);
const conditionOptions = (labels: Record<Condition, string>) => options(conditions, labels);
const consentOptions = (labels: Record<Consent, string>) => options(consents, labels);
// Declining is never the lesser button: both answers are equally fine.
const shareOptions = (labels: Record<ShareChoice, string>) => options(shareChoices, labels);
const weatherOptions = (locale: Locale) =>
  weathers.map((value) => ({ value, label: weatherLabels[locale][value], icon: weatherIcon(value) }));

const roundOf: Record<Locale, (round: number | undefined) => string> = {
  ja: (round) => (round === undefined ? '' : `第${round}回`),
  en: (round) => (round === undefined ? '' : `Round ${round}: `),
};

const copy: Record<Locale, PageCopy> = {
  ja: {
    deadline: (when) => `回答期限：${when}`,
    errorSummary: '入力内容を確認してください',
    labelSeparator: '：',
    submit: '送信する',
    forms: {
      'interviewer-insight': ({ recipientName, candidateName }) => ({
        title: `${candidateName}さんのオファー面談に向けて`,
        intro: [
          `${recipientName} さん、ご協力ありがとうございます。`,
          `選考で${candidateName}さんと接した中で感じたことを教えてください。回答は人事が面談の準備のためだけに使います。いずれか1つ以上の欄にご記入ください。箇条書きでも構いません。`,
        ],
        fields: [
          {
            kind: 'text',
            name: 'concerns',
            maxLength: ANSWER_MAX_LENGTH,
            label: '感じた迷いや不安・懸念',
            hint: '入社を判断するうえで迷っていそうなこと、不安そうだったこと。本人がはっきり口にしなかったものも含めて教えてください。',
          },
          {
            kind: 'text',
            name: 'impressions',
            maxLength: ANSWER_MAX_LENGTH,
            label: '全体的な印象',
            hint: '選考を通じて受けた印象を自由にお書きください。',
          },
          {
            kind: 'text',
            name: 'strengths',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'フィードバックとして伝えたい強み',
            hint: '面談で本人に伝えたい、選考で印象に残った強みや良かった点。',
          },
        ],
      }),
      'offer-outcome': ({ recipientName, candidateName, ask }) => ({
        title: `${candidateName}さんのオファー面談の結果`,
        intro: [
          `${recipientName} さん、面談の結果を記録してください。`,
          ...(ask !== undefined && ask > 1
            ? [`${ask}回目の確認です。前回の記録では、まだ検討中でした。`]
            : []),
        ],
        fields: [
          {
            kind: 'choice',
            name: 'decision',
            label: 'ご意向',
            hint: '検討中の場合は、回答期限まで後日あらためて伺います。',
            options: decisionOptions({
              accepted: '承諾された',
              declined: '辞退された',
              undecided: 'まだ検討中',
            }),
          },
          {
            kind: 'text',
            name: 'remainingConcerns',
            maxLength: ANSWER_MAX_LENGTH,
            label: '残っている不安・気がかり',
            hint: '面談での反応や言葉から、まだ残っていそうな不安を書き留めてください。入社を承諾された場合、受け入れ準備のために配属先の上司・メンターへ共有されます。',
          },
          {
            kind: 'text',
            name: 'notes',
            maxLength: NOTES_MAX_LENGTH,
            label: '人事メモ（非公開）',
            hint: 'このメモは人事だけが見るものです。上司・メンターや候補者には共有されません。',
            private: true,
          },
        ],
      }),
      'manager-prep': ({ recipientName, candidateName, round }) => ({
        title: `${candidateName}さんの${roundOf.ja(round)}フォローアップ面談に向けて`,
        intro: [
          `${recipientName} さん、いつもありがとうございます。`,
          `人事は入社後の数カ月間、毎月${candidateName}さんと1on1のフォローアップ面談をしています。面談の前に、日頃近くで見ている立場から、最近の業務の進捗と本人の様子を教えてください。`,
          '回答は、人事が面談で話すテーマを選ぶために使います。小さな変化に早めに気づけるようにするためのもので、本人の評価には使わず、回答をそのまま本人に見せることもありません。',
        ],
        fields: [
          {
            kind: 'text',
            name: 'progress',
            maxLength: ANSWER_MAX_LENGTH,
            label: '最近の業務の進捗',
            hint: '担当している仕事の進み具合や、できるようになってきたこと。箇条書きでも構いません。',
          },
          {
            kind: 'choice',
            name: 'wellbeing',
            label: '本人の様子',
            hint: '日頃の様子から、いちばん近いものを選んでください。「心配」を選ぶと、人事が早めに個別のフォローを検討します。',
            options: wellbeingOptions({
              well: `${wellbeingLabels.ja.well}：特に気になることはない`,
              'some-concern': `${wellbeingLabels.ja['some-concern']}：いつもと違う様子や、気になることがある`,
              worried: `${wellbeingLabels.ja.worried}：早めに人事に話を聞いてほしい`,
            }),
          },
          {
            kind: 'text',
            name: 'topics',
            maxLength: ANSWER_MAX_LENGTH,
            label: '面談で人事から話題にしてほしいこと',
            hint: 'チームの中では聞きにくいこと、気になっている様子など。人事が話題を選ぶ参考にします。',
          },
        ],
      }),
      'session-outcome': ({ recipientName, candidateName, round, followUp }) => ({
        title: followUp
          ? `${candidateName}さんとの追加のフォロー面談（${roundOf.ja(round)}の期間中）の記録`
          : `${candidateName}さんの${roundOf.ja(round)}フォローアップ面談の記録`,
        intro: [
          `${recipientName} さん、面談お疲れさまでした。面談の内容を記録してください。`,
          '人事メモは人事だけが見る記録です。上司・メンターや本人を含め、誰にも共有されません。',
          `チームへの共有メモは、本人が共有に同意した場合に限り、書かれたとおりの文面で上司・メンターに届きます。${followUp ? '同意がない場合、上司・メンターにはこの面談のことを何も伝えません。' : '同意がない場合、上司・メンターには面談を実施したことだけが伝わります。'}`,
        ],
        fields: [
          {
            kind: 'choice',
            name: 'condition',
            label: 'コンディション',
            hint: '面談での様子から、いちばん近いものを選んでください。',
            options: conditionOptions({
              good: `${conditionLabels.ja.good}：安心して過ごせている様子`,
              watch: `${conditionLabels.ja.watch}：気になる点があり、次回も様子を見たい`,
              alert: `${conditionLabels.ja.alert}：早めの個別フォローが必要（人事責任者に連絡し、追加の面談を提案します）`,
            }),
          },
          {
            kind: 'text',
            name: 'privateNotes',
            maxLength: NOTES_MAX_LENGTH,
            label: '人事メモ（非公開）',
            hint: 'このメモは人事だけが見るものです。上司・メンターや本人には共有されません。',
            private: true,
          },
          {
            kind: 'choice',
            name: 'consent',
            label: 'チームへの共有についての本人の同意',
            hint: '面談で伺ったことをチームに共有してよいか、本人に確認した結果を選んでください。',
            options: consentOptions({
              none: '同意なし：上司・メンターには、面談を実施したことだけを伝える',
              summary: '同意あり：下の「チームへの共有メモ」を上司・メンターに共有する',
            }),
          },
          {
            kind: 'text',
            name: 'teamSummary',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'チームへの共有メモ（本人の同意がある場合のみ）',
            hint: '本人と確認した内容だけを書いてください。この文面がそのまま上司・メンターに届きます。「同意なし」の場合、この欄は保存されず、誰にも送られません。',
          },
          {
            kind: 'text',
            name: 'followUp',
            maxLength: ANSWER_MAX_LENGTH,
            label: '次回確認すること',
            hint: '次の面談で確かめたいことや、それまでに人事が行うこと。次回の面談の準備資料に載ります。人事の記録として残り、上司・メンターには送られません。',
          },
        ],
      }),
      'session-topics': ({ recipientName, round }) => ({
        title: `${roundOf.ja(round)}人事との1on1で話したいこと`,
        intro: [
          `${recipientName} さん、1on1の前に、よろしければ話したいことを教えてください。`,
          '回答は任意です。書いていただいた内容は、人事の担当者が面談の準備のためだけに読みます。上司やメンター、チームの誰にも見せることはありません。',
          'どちらか一方だけでも、一言だけでも大丈夫です。書きにくいことは、面談の場で直接お話しいただいても構いません。',
        ],
        fields: [
          {
            kind: 'text',
            name: 'topics',
            maxLength: ANSWER_MAX_LENGTH,
            label: '1on1で話したいこと',
            hint: '最近気になっていること、相談したいこと、聞いてみたいことなど。箇条書きでも構いません。',
          },
          {
            kind: 'text',
            name: 'keepFromTeam',
            maxLength: ANSWER_MAX_LENGTH,
            label: '人事からチームには伝えないでほしいこと',
            hint: 'この欄に書いたことを、人事から上司・メンターやチームに持ち出すことはありません。',
            private: true,
          },
        ],
      }),
      'summary-confirmation': ({ recipientName, round, teamSummary, followUp }) => ({
        title: followUp
          ? '追加のフォロー面談：チームに共有する文面のご確認'
          : `${roundOf.ja(round)}人事面談：チームに共有する文面のご確認`,
        intro: [
          `${recipientName} さん、面談ではお時間をいただきありがとうございました。`,
          '面談で、上司・メンターがサポートしやすいよう、お話の一部をチームに共有してよいとお聞きしました。上司・メンターに届く前に、実際に共有する文面をご確認ください。',
        ],
        quoted: { label: '上司・メンターに届く文面（このとおりに届きます）', text: teamSummary ?? '' },
        fields: [
          {
            kind: 'buttons',
            name: 'share',
            label: 'この文面を上司・メンターに共有してよいですか？',
            hint: `「共有しない」を選んだ場合、上司・メンターには${followUp ? 'この面談を実施したことも含めて何も伝わらず' : '面談を実施したことだけが伝わり'}、人事にのみお知らせします。期限までにご回答がない場合も、何も共有しません。どちらを選んでも、評価に影響することはありません。`,
            options: shareOptions({ yes: '共有してよい', no: '共有しない' }),
          },
        ],
      }),
      pulse: ({ recipientName }) => ({
        title: '最近の調子はいかがですか',
        intro: [
          `${recipientName} さん、いつもおつかれさまです。`,
          'メールで選んだ答えが入っています。よければそのまま「送信する」を押してください。選び直すこともできます。仕事量・人間関係・ひとことは任意です。',
          '回答は人事だけが読みます。上司やメンター、チームの誰にも見せることはなく、評価に使うこともありません。',
        ],
        fields: [
          {
            kind: 'choice',
            name: 'answer',
            label: '最近、仕事の調子はいかがですか？',
            hint: 'いちばん近い天気を選んでください。',
            options: weatherOptions('ja'),
            inline: true,
          },
          {
            kind: 'choice',
            name: 'workload',
            label: '仕事量（任意）',
            hint: '今の仕事の量は、天気でいうとどんな感じですか。',
            options: weatherOptions('ja'),
            optional: true,
            inline: true,
          },
          {
            kind: 'choice',
            name: 'relationships',
            label: '人間関係（任意）',
            hint: '職場の人との関係は、天気でいうとどんな感じですか。',
            options: weatherOptions('ja'),
            optional: true,
            inline: true,
          },
          {
            kind: 'text',
            name: 'comment',
            maxLength: PULSE_COMMENT_MAX_LENGTH,
            label: 'ひとこと（任意）',
            hint: '気になっていること、人事に知っておいてほしいことがあれば。人事だけが読みます。',
            private: true,
          },
        ],
      }),
    },
  },
  en: {
    deadline: (when) => `Please answer by ${when}`,
    errorSummary: 'Please check your answers',
    labelSeparator: ': ',
    submit: 'Send',
    forms: {
      'interviewer-insight': ({ recipientName, candidateName }) => ({
        title: `Before the offer meeting with ${candidateName}`,
        intro: [
          `Thank you for your help, ${recipientName}.`,
          `Please tell us what you sensed when you met ${candidateName} during selection. Only HR reads your answer, to prepare for the meeting. Fill in at least one of the boxes; bullet points are fine.`,
        ],
        fields: [
          {
            kind: 'text',
            name: 'concerns',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Hesitations or worries you sensed',
            hint: 'What they seemed unsure or worried about in deciding to join, including things they never said out loud.',
          },
          {
            kind: 'text',
            name: 'impressions',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Your overall impressions',
            hint: 'Anything that stayed with you from the selection.',
          },
          {
            kind: 'text',
            name: 'strengths',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Strengths to feed back',
            hint: 'Strengths and good moments from the selection that HR can tell them about in the meeting.',
          },
        ],
      }),
      'offer-outcome': ({ recipientName, candidateName, ask }) => ({
        title: `Outcome of the offer meeting with ${candidateName}`,
        intro: [
          `${recipientName}, please record how the meeting ended.`,
          ...(ask !== undefined && ask > 1
            ? [`This is check ${ask}: last time, they were still deciding.`]
            : []),
        ],
        fields: [
          {
            kind: 'choice',
            name: 'decision',
            label: 'Decision',
            hint: 'If they are still deciding, you will be asked again later, until the reply deadline.',
            options: decisionOptions({
              accepted: 'Accepted',
              declined: 'Declined',
              undecided: 'Still deciding',
            }),
          },
          {
            kind: 'text',
            name: 'remainingConcerns',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Worries that remain',
            hint: 'From their reactions and words, the worries that still seem to remain. If they accept, this goes to their manager and mentor so the team can prepare.',
          },
          {
            kind: 'text',
            name: 'notes',
            maxLength: NOTES_MAX_LENGTH,
            label: 'Private HR notes',
            hint: 'Only HR sees these notes. They are never shared with the manager, the mentor or the candidate.',
            private: true,
          },
        ],
      }),
      'manager-prep': ({ recipientName, candidateName, round }) => ({
        title: `${roundOf.en(round)}Before HR's follow-up 1on1 with ${candidateName}`,
        intro: [
          `Thank you for your help, ${recipientName}.`,
          `For their first months, HR has a follow-up 1on1 with ${candidateName} every month. Before the next one, please tell us, as someone who works close to them, how their work has been going and how they seem.`,
          'HR uses your answer to choose what to talk about, so that small signs of trouble show early. It is never used to evaluate them, and it is not shown to them as it is.',
        ],
        fields: [
          {
            kind: 'text',
            name: 'progress',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Recent progress at work',
            hint: 'How their work is going and what they have started to manage on their own. Bullet points are fine.',
          },
          {
            kind: 'choice',
            name: 'wellbeing',
            label: 'How they seem',
            hint: 'Choose what comes closest to how they seem day to day. If you choose "Worried", HR will consider individual follow-up soon.',
            options: wellbeingOptions({
              well: `${wellbeingLabels.en.well}: nothing in particular on my mind`,
              'some-concern': `${wellbeingLabels.en['some-concern']}: they seem different lately, or something is on my mind`,
              worried: `${wellbeingLabels.en.worried}: I would like HR to talk with them soon`,
            }),
          },
          {
            kind: 'text',
            name: 'topics',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Topics HR should raise',
            hint: 'Things that are hard to ask within the team, or anything you have noticed. HR uses it to choose topics.',
          },
        ],
      }),
      'session-outcome': ({ recipientName, candidateName, round, followUp }) => ({
        title: followUp
          ? `${roundOf.en(round)}Record of the extra follow-up 1on1 with ${candidateName}`
          : `${roundOf.en(round)}Record of the follow-up 1on1 with ${candidateName}`,
        intro: [
          `Thank you for the session, ${recipientName}. Please record how it went.`,
          'Private notes stay with HR. They are never shared with anyone, including the manager, the mentor and the new hire.',
          `The team summary reaches the manager and mentor, exactly as written, only if the new hire agreed to share it. ${followUp ? 'Without their consent, the manager and mentor are not told of this session at all.' : 'Without their consent, the manager and mentor learn only that the session took place.'}`,
        ],
        fields: [
          {
            kind: 'choice',
            name: 'condition',
            label: 'Condition',
            hint: 'Choose what comes closest to how they seemed in the session.',
            options: conditionOptions({
              good: `${conditionLabels.en.good}: they seem settled and at ease`,
              watch: `${conditionLabels.en.watch}: something to keep an eye on next time`,
              alert: `${conditionLabels.en.alert}: needs individual follow-up soon (the HR lead is told and an extra session is proposed)`,
            }),
          },
          {
            kind: 'text',
            name: 'privateNotes',
            maxLength: NOTES_MAX_LENGTH,
            label: 'Private HR notes',
            hint: 'Only HR sees these notes. They are never shared with the manager, the mentor or the new hire.',
            private: true,
          },
          {
            kind: 'choice',
            name: 'consent',
            label: "The new hire's consent to share with the team",
            hint: 'Choose what they said when you asked whether anything from the session may be shared with the team.',
            options: consentOptions({
              none: 'No consent: tell the manager and mentor only that the session took place',
              summary: 'Consent given: share the team summary below with the manager and mentor',
            }),
          },
          {
            kind: 'text',
            name: 'teamSummary',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Team summary (only with their consent)',
            hint: 'Write only what you agreed with them. The manager and mentor receive exactly this text. Without consent, this box is not saved and goes to no one.',
          },
          {
            kind: 'text',
            name: 'followUp',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'What to check next time',
            hint: "What to check at the next session, or what HR will do before it. It appears in the next session's brief; it stays in the HR record and is not sent to the manager or mentor.",
          },
        ],
      }),
      'session-topics': ({ recipientName, round }) => ({
        title: `${roundOf.en(round)}What you would like to talk about in your 1on1 with HR`,
        intro: [
          `${recipientName}, before your 1on1, you are welcome to tell us what you would like to talk about.`,
          'This is optional. Only HR reads what you write here, to prepare for your session. It is never shown to your manager, your mentor or anyone in your team.',
          'One box, or a single word, is plenty. Anything hard to write down can wait until we talk.',
        ],
        fields: [
          {
            kind: 'text',
            name: 'topics',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'What you would like to talk about',
            hint: 'Anything on your mind lately, something you would like advice on, or a question. Bullet points are fine.',
          },
          {
            kind: 'text',
            name: 'keepFromTeam',
            maxLength: ANSWER_MAX_LENGTH,
            label: 'Anything you would rather HR did not raise with the team',
            hint: 'HR will not bring up with your manager, your mentor or the team anything you write in this box.',
            private: true,
          },
        ],
      }),
      'summary-confirmation': ({ recipientName, round, teamSummary, followUp }) => ({
        title: followUp
          ? 'What would be shared with your team after your extra 1on1 with HR'
          : `${roundOf.en(round)}What would be shared with your team after your 1on1 with HR`,
        intro: [
          `Thank you for your time in the session, ${recipientName}.`,
          'In the session you agreed that some of what you talked about could be shared with your manager and mentor, so that they can support you. Before anything reaches them, please read the exact text.',
        ],
        quoted: {
          label: 'What your manager and mentor would receive, exactly as written',
          text: teamSummary ?? '',
        },
        fields: [
          {
            kind: 'buttons',
            name: 'share',
            label: 'May this text be shared with your manager and mentor?',
            hint: `If you choose "Don't share it", ${followUp ? 'they are not told of this session at all' : 'they learn only that the session took place'}, and only HR is told. If you do not answer by the deadline, nothing is shared either. Neither choice affects any evaluation.`,
            options: shareOptions({ yes: 'Share it', no: "Don't share it" }),
          },
        ],
      }),
      pulse: ({ recipientName }) => ({
        title: 'How are you doing lately?',
        intro: [
          `Thank you for all your work, ${recipientName}.`,
          'The answer you chose in the email is selected. If it feels right, just press "Send"; you can also choose again. Workload, relationships and the comment are optional.',
          'Only HR reads your answers. They are never shown to your manager, your mentor or anyone in your team, and they are not used to evaluate you.',
        ],
        fields: [
          {
            kind: 'choice',
            name: 'answer',
            label: 'How are you doing at work lately?',
            hint: 'Choose the weather closest to how things feel.',
            options: weatherOptions('en'),
            inline: true,
          },
          {
            kind: 'choice',
            name: 'workload',
            label: 'Workload (optional)',
            hint: 'How does the amount of work feel, as weather?',
            options: weatherOptions('en'),
            optional: true,
            inline: true,
          },
          {
            kind: 'choice',
            name: 'relationships',
            label: 'Relationships at work (optional)',
            hint: 'How do things feel with the people you work with, as weather?',
            options: weatherOptions('en'),
            optional: true,
            inline: true,
          },
          {
            kind: 'text',
            name: 'comment',
            maxLength: PULSE_COMMENT_MAX_LENGTH,
            label: 'A comment (optional)',
            hint: 'Anything on your mind, or anything you would like HR to know. Only HR reads it.',
            private: true,
          },
        ],
      }),
    },
  },
};

const describedBy = (name: string, error: string | undefined): string =>
  error ? `${name}-hint ${name}-error` : `${name}-hint`;

const errorLine = (name: string, error: string | undefined): SafeHtml | undefined =>
  error ? html`<p class="error" id="${name}-error">${error}</p>` : undefined;

// Where the error summary's link lands: the box itself, or a group's first choice.
const focusTarget = (field: Field): string =>
  field.kind === 'text' ? field.name : `${field.name}-${field.options[0]?.value ?? ''}`;

const renderField = (field: Field, value: string, error: string | undefined): SafeHtml => {
  if (field.kind === 'buttons') {
    return html`<fieldset class="field" aria-describedby="${describedBy(field.name, error)}">
<legend>${field.label}</legend>
<p class="hint" id="${field.name}-hint">${field.hint}</p>
${errorLine(field.name, error)}
<div class="actions">
${field.options.map(
  (option) =>
    html`<button type="submit" name="${field.name}" id="${field.name}-${option.value}" value="${option.value}">${option.label}</button>
`,
)}</div>
</fieldset>`;
  }
  if (field.kind === 'choice') {
    return html`<fieldset class="field${field.inline ? ' inline-choices' : ''}" aria-describedby="${describedBy(field.name, error)}">
<legend>${field.label}</legend>
<p class="hint" id="${field.name}-hint">${field.hint}</p>
${errorLine(field.name, error)}
${field.options.map(
  (option) =>
    html`<label class="choice"><input type="radio" name="${field.name}" id="${field.name}-${option.value}" value="${option.value}"${field.optional ? '' : html` required`}${option.value === value ? html` checked` : ''}${error ? html` aria-invalid="true"` : ''}> ${option.icon}${option.label}</label>
`,
)}</fieldset>`;
  }
  // The newline after the opening tag is dropped by HTML parsers, so a value keeps its own first line.
  return html`<div class="field">
<label for="${field.name}"${field.private ? html` class="private"` : ''}>${field.label}</label>
<p class="hint" id="${field.name}-hint">${field.hint}</p>
${errorLine(field.name, error)}
<textarea id="${field.name}" name="${field.name}" rows="6" maxlength="${field.maxLength}" aria-describedby="${describedBy(field.name, error)}"${error ? html` aria-invalid="true"` : ''}>
${value}</textarea>
</div>`;
};

/** One of the emailed forms, as a plain HTML page that works without JavaScript and with a screen reader. */
export const renderFormPage = (input: FormPageInput): string => {
  const { locale, context } = input;
  const text = copy[locale];
  const worded = text.forms[input.form](context);
  const form = {
    ...worded,
    fields: worded.fields.map((field) => {
      const label = input.questions?.[field.name];
      return label ? { ...field, label } : field;
    }),
  };
  const errors = Object.fromEntries(
    Object.entries(input.errors ?? {}).map(([name, code]) => [name, fieldErrorMessage(code, locale)]),
  );
  const flagged = form.fields.filter((field) => errors[field.name] !== undefined);
  const summary =
    flagged.length > 0 &&
    html`<div class="error-summary" role="alert">
<h2>${text.errorSummary}</h2>
<ul>${flagged.map((field) => html`<li><a href="#${focusTarget(field)}">${field.label}${text.labelSeparator}${errors[field.name]}</a></li>`)}</ul>
</div>`;
  const quoted =
    form.quoted &&
    html`<h2>${form.quoted.label}</h2>
<blockquote class="quoted">${form.quoted.text}</blockquote>`;
  const deadline =
    context.deadline &&
    html`<p class="meta">${text.deadline(formatDateTime(context.deadline, context.zone, locale))}</p>`;
  return renderPage({
    locale,
    title: form.title,
    body: html`<h1>${form.title}</h1>
${summary}
${form.intro.map((line) => html`<p>${line}</p>`)}
${quoted}
${deadline}
<form method="post" action="${input.action}" accept-charset="utf-8">
${form.fields.map((field) => renderField(field, input.values?.[field.name] ?? '', errors[field.name]))}
${form.fields.some((field) => field.kind === 'buttons') ? '' : html`<button type="submit">${text.submit}</button>`}
</form>`,
  });
};
