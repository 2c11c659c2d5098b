import { type Condition, conditionLabels, conditions, wellbeingLabels } from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';
import type { OfferBriefSection } from '#shared/domain/offer-brief.ts';
import { type PulseBriefEntry, pulseBriefSection } from '#shared/domain/pulse-brief.ts';
import type { SessionBrief, TeamInsight } from '#shared/domain/session-brief.ts';
import { type AlertReason, alertReasonText } from '#shared/email/templates/alert.ts';

export interface FollowUpBriefInput {
  /** The round whose alert proposed the extra session. */
  round: number;
  employeeName: string;
  /** The alert that proposed it. */
  reason: AlertReason;
  /** The round's prep answers so far: HR may read what the manager and mentor said. */
  prep: TeamInsight[];
  /** After an `alert` condition: what HR noted after the round's 1on1 as "what to check next time". */
  checkNext?: string;
  /** The new hire's pulse answers so far, with their comments, dated in the journey's zone; for HR's eyes only. */
  pulse?: { series: PulseBriefEntry[]; zone: string };
}

interface FollowUpCopy {
  headings: {
    why: string;
    prep: (employeeName: string) => string;
    prompts: string;
    groundRules: string;
    afterSession: string;
  };
  role: Record<'manager' | 'mentor', (name: string) => string>;
  wellbeing: (person: string, wellbeing: string) => string;
  progress: (person: string, progress: string) => string;
  topics: (person: string, topics: string) => string;
  worriedAdvice: string;
  checkNext: (round: number, text: string) => string;
  noPrivateNotes: string;
  pulseAdvice: string;
  prompts: string[];
  groundRules: string[];
  afterSession: (labels: Record<Condition, string>) => string[];
}

// An extra session is individual follow-up (domain.md, "Early warning"): it listens before it solves, and it is
// support, never a verdict on how the new hire is doing.
const copy: Record<Locale, FollowUpCopy> = {
  ja: {
    headings: {
      why: '追加のフォロー面談を行う理由',
      prep: (name) => `上司・メンターから見た${name}さんの様子（この回の事前ヒアリング）`,
      prompts: '今回の問いかけ（個別フォロー）',
      groundRules: '面談の心構え',
      afterSession: '面談のあとで',
    },
    role: { manager: (name) => `上司 ${name} さん`, mentor: (name) => `メンター ${name} さん` },
    wellbeing: (person, wellbeing) => `${person}　本人の様子：${wellbeing}`,
    progress: (person, progress) => `${person}　最近の業務の進捗：${progress}`,
    topics: (person, topics) => `${person}　話題にしてほしいこと：${topics}`,
    worriedAdvice: '上司・メンターから聞いたことを、出どころとして本人に伝えないでください。',
    checkNext: (round, text) => `第${round}回の面談で記録した「次回確認すること」：${text}`,
    noPrivateNotes:
      '人事面談の非公開メモは、このメールには含めていません。必要に応じて、ご自身の記録を確認してください。',
    pulseAdvice: '回答の内容をそのまま本人に突きつけず、最近の様子を広く尋ねる中で触れてください。',
    prompts: [
      '始め方：「最近どうですか？」と広く尋ね、本人のペースで話してもらう。急いで解決策を示さず、まずは聞くことに徹する。',
      '気がかりの中身：何がつらいか、いつ頃からか、仕事・人間関係・体調・生活のどれに近いかを、本人の言葉で確かめる。',
      '支えになるもの：「困ったときに相談できる人はいますか？ どんな手助けがあると楽になりそうですか？」',
      '次の一歩：本人が望む支援を一緒に考え、具体的な次の一歩を一つ決める（仕事の進め方の相談、相談相手の紹介、次に話す日など）。',
      '体調や睡眠に不安が見えるときは、産業医や社内外の相談窓口を案内する。',
    ],
    groundRules: [
      '評価のための場ではなく、本人を支援するための対話であることを最初に伝える。',
      '追加の面談に呼ばれたことで本人が身構えないよう、「最近どうしているか気になって」という気持ちで声をかける。',
      '面談で聞いたことをチームに共有する前に、必ず本人の同意を得る。同意がなければ何も共有しない。',
    ],
    afterSession: (labels) => [
      `面談のあと、月例の面談と同じ記録フォームでコンディション（${conditions.map((condition) => labels[condition]).join('・')}）を記録してください。「${labels.alert}」の場合は、人事責任者にもう一度連絡が入ります。`,
      '人事メモは人事だけの記録で、誰にも共有されません。チームへの共有メモは、本人が同意した場合に限り、そのまま上司・メンターに届きます。同意がなければ、追加の面談を行ったこと自体もチームには伝えません。',
    ],
  },
  en: {
    headings: {
      why: 'Why this extra session',
      prep: (name) => `How the manager and mentor see ${name} (this round's prep)`,
      prompts: 'What to ask this time (individual follow-up)',
      groundRules: 'Ground rules',
      afterSession: 'After the session',
    },
    role: { manager: (name) => `Manager ${name}`, mentor: (name) => `Mentor ${name}` },
    wellbeing: (person, wellbeing) => `${person}, how they seem: ${wellbeing}`,
    progress: (person, progress) => `${person}, recent progress at work: ${progress}`,
    topics: (person, topics) => `${person}, topics to raise: ${topics}`,
    worriedAdvice: 'Never tell them what the manager or mentor said, or that it came from them.',
    checkNext: (round, text) => `Noted after the round ${round} session as what to check next time: ${text}`,
    noPrivateNotes:
      "HR's private session notes are not part of this email. Refer to your own records if needed.",
    pulseAdvice:
      'Do not confront them with their answers: ask broadly how things have been, and touch on it from there.',
    prompts: [
      'Opening: ask broadly, "How have things been lately?", and let them talk at their own pace. Listen first; do not rush to solutions.',
      'What is on their mind: find out, in their own words, what is hard, since when, and whether it is closer to work, people, health or life outside work.',
      'What helps: "Is there someone you can turn to when you are stuck? What kind of help would make things easier?"',
      'Next step: think together about the support they want, and agree on one concrete next step (how work is handled, someone to talk to, when to talk again).',
      'If their health or sleep seems affected, point them to the occupational physician or a counselling service inside or outside the company.',
    ],
    groundRules: [
      'Say at the start that this is a conversation to support them, not an evaluation.',
      'An extra session can feel alarming: open it as "I wanted to see how you are doing", not as a problem to be dealt with.',
      'Ask for their consent before sharing anything from the session with the team; without consent, share nothing.',
    ],
    afterSession: (labels) => [
      `After the session, record their condition (${conditions.map((condition) => labels[condition].toLowerCase()).join(', ')}) on the same form as for a monthly session. "${labels.alert}" tells the HR lead again.`,
      'Private notes stay with HR and are never shared. The team summary reaches the manager and mentor, as written, only if they agreed; without consent the team is not even told the extra session took place.',
    ],
  },
};

const filled = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

const prepItems = (input: FollowUpBriefInput, locale: Locale, text: FollowUpCopy): string[] =>
  input.prep.flatMap((insight) => {
    if (insight.status !== 'submitted') return [];
    const person = text.role[insight.role](insight.name);
    return [
      ...(insight.wellbeing ? [text.wellbeing(person, wellbeingLabels[locale][insight.wellbeing])] : []),
      ...(filled(insight.progress) ? [text.progress(person, insight.progress.trim())] : []),
      ...(filled(insight.topics) ? [text.topics(person, insight.topics.trim())] : []),
    ];
  });

/** Why the session was raised, and what HR may read behind that reason; never HR's private notes. */
const whyItems = (input: FollowUpBriefInput, locale: Locale, text: FollowUpCopy): string[] => {
  const { reason, round } = input;
  const why = alertReasonText(reason, round, locale);
  switch (reason) {
    case 'manager-worried':
    case 'mentor-worried':
      return [why, text.worriedAdvice];
    case 'condition-alert':
    case 'follow-up-alert':
      return [
        why,
        ...(filled(input.checkNext) ? [text.checkNext(round, input.checkNext.trim())] : []),
        text.noPrivateNotes,
      ];
    case 'pulse':
      return [why, text.pulseAdvice];
  }
};

/**
 * The brief HR reads before a round's extra follow-up session: why it was raised (a worried manager or mentor,
 * HR's `alert` condition, or the new hire's pulse check) with what HR may read behind it, and prompts fitted to
 * individual follow-up rather than to the month.
 */
export const buildFollowUpBrief = (input: FollowUpBriefInput, locale: Locale): SessionBrief => {
  if (!Number.isInteger(input.round) || input.round < 1) {
    throw new RangeError(`round ${input.round} is not a round of the journey`);
  }
  const text = copy[locale];
  const prep = prepItems(input, locale, text);
  const sections: OfferBriefSection[] = [
    { key: 'why', heading: text.headings.why, items: whyItems(input, locale, text) },
    ...[input.pulse && pulseBriefSection(input.pulse.series, locale, input.pulse.zone)].filter(
      (section) => section !== undefined,
    ),
    ...(prep.length > 0
      ? [{ key: 'prep', heading: text.headings.prep(input.employeeName), items: prep }]
      : []),
    { key: 'prompts', heading: text.headings.prompts, items: [...text.prompts] },
    { key: 'ground-rules', heading: text.headings.groundRules, items: [...text.groundRules] },
    {
      key: 'after-session',
      heading: text.headings.afterSession,
      items: text.afterSession(conditionLabels[locale]),
    },
  ];
  return { sections };
};
