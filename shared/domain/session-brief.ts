import {
  type Condition,
  conditionLabels,
  conditions,
  type Wellbeing,
  wellbeingLabels,
} from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';
import type { OfferBrief, OfferBriefSection } from '#shared/domain/offer-brief.ts';
import { type PulseBriefEntry, pulseBriefSection } from '#shared/domain/pulse-brief.ts';

export type PrepRole = 'manager' | 'mentor';

/** What a manager or mentor told HR before the session, or that they did not answer in time. */
export interface TeamInsight {
  role: PrepRole;
  name: string;
  status: 'submitted' | 'expired';
  progress?: string;
  wellbeing?: Wellbeing;
  topics?: string;
}

export interface EarlierRound {
  round: number;
  condition: Condition;
}

export interface SessionBriefInput {
  /** 1 is the first round. */
  round: number;
  roundsTotal: number;
  employeeName: string;
  prep: TeamInsight[];
  /** HR's recorded conditions of the rounds before this one. */
  earlier: EarlierRound[];
  threeParty: boolean;
  /** Round 1: the worries that remained after the offer meeting, as HR last recorded them. */
  offerConcerns?: string;
  /** What HR noted after the previous round's session as "what to check next time". */
  lastFollowUp?: { round: number; text: string };
  /** What the new hire wrote on the optional topics form before this session; for HR's eyes only. */
  newHireTopics?: NewHireTopics;
  /** The new hire's pulse answers so far, with their comments, dated in the journey's zone; for HR's eyes only. */
  pulse?: { series: PulseBriefEntry[]; zone: string };
  /**
   * The company's own words for the prep questions (its journey template), by field, in the brief's language: HR
   * reads each answer beside the question the manager or mentor was asked.
   */
  prepQuestions?: Record<string, string>;
}

export interface NewHireTopics {
  topics?: string;
  keepFromTeam?: string;
}

/** The same shape as the offer brief, so one email layout draws both. */
export type SessionBrief = OfferBrief;

type Direction = 'worse' | 'better' | 'same';

interface BriefCopy {
  headings: {
    attention: string;
    carriedOver: string;
    prep: (employeeName: string) => string;
    earlier: string;
    prompts: (round: number) => string;
    threeParty: string;
    groundRules: string;
    afterSession: string;
    newHireTopics: string;
  };
  newHireTopics: (topics: string) => string;
  keepFromTeam: (text: string) => string;
  newHireTopicsAdvice: string;
  keepFromTeamAdvice: string;
  role: Record<PrepRole, (name: string) => string>;
  offerConcerns: (concerns: string) => string;
  lastFollowUp: (round: number, text: string) => string;
  carriedOverAdvice: string;
  concerned: (person: string, wellbeing: string) => string;
  concernedAdvice: string[];
  wellbeing: (person: string, wellbeing: string) => string;
  progress: (person: string, progress: string) => string;
  topics: (person: string, topics: string) => string;
  worded: (person: string, question: string, answer: string) => string;
  noAnswer: (person: string) => string;
  noPrep: string;
  earlierRound: (round: number, condition: string) => string;
  trend: (trend: string) => string;
  direction: Record<Direction, string>;
  lastNeedsCare: (round: number, condition: string) => string;
  firstRound: string;
  noEarlier: string;
  firstRoundPrompts: string[];
  laterPrompts: string[];
  lastRoundPrompt: string;
  raiseTeamTopics: string;
  threeParty: string[];
  groundRules: string[];
  afterSession: (labels: Record<Condition, string>) => string[];
}

// The wording follows the source article (domain.md, Phase 2): HR's 1on1 is support, not evaluation; it
// leaves the work itself to the team session and shares nothing without the new hire's consent.
const copy: Record<Locale, BriefCopy> = {
  ja: {
    headings: {
      attention: '上司・メンターが気にかけていること',
      carriedOver: '今回確認すること（人事の記録から）',
      prep: (name) => `上司・メンターから見た${name}さんの最近の様子`,
      earlier: 'これまでの面談',
      prompts: (round) =>
        round === 1
          ? '今回の問いかけ（第1回：入社直後の慣れ具合）'
          : `今回の問いかけ（第${round}回：適応と成長）`,
      threeParty: '三者面談について',
      groundRules: '面談の心構え（毎回）',
      afterSession: '面談のあとで',
      newHireTopics: '本人が話したいこと（人事のみ。上司・メンターには共有しません）',
    },
    newHireTopics: (topics) => `話したいこと：${topics}`,
    keepFromTeam: (text) => `人事からチームには伝えないでほしいこと：${text}`,
    newHireTopicsAdvice:
      '面談の前に、本人が任意のフォームで伝えてくれたことです。人事だけが読むもので、上司・メンター・チームには届いていません。まずは本人の話したいことから始めてください。',
    keepFromTeamAdvice:
      '「チームには伝えないでほしいこと」は、チームへの共有メモにも、上司・メンターとの会話にも持ち出さないでください。',
    role: { manager: (name) => `上司 ${name} さん`, mentor: (name) => `メンター ${name} さん` },
    offerConcerns: (concerns) => `内定後の面談で残っていた不安・気がかり：${concerns}`,
    lastFollowUp: (round, text) => `第${round}回の面談で記録した「次回確認すること」：${text}`,
    // No claim that the team never heard of it: the offer's remaining concerns went to them in the handoff.
    carriedOverAdvice: 'その後どうなったかを、本人が話しやすい流れの中で尋ねてください。',
    concerned: (person, wellbeing) => `${person}が、本人の様子を「${wellbeing}」と回答しています。`,
    concernedAdvice: [
      'いきなり本題に入らず、最近の様子を広く尋ねる中で、本人が話しやすい形で触れてください。',
      '上司・メンターから聞いたことを、出どころとして本人に伝えないでください。',
    ],
    wellbeing: (person, wellbeing) => `${person}　本人の様子：${wellbeing}`,
    progress: (person, progress) => `${person}　最近の業務の進捗：${progress}`,
    topics: (person, topics) => `${person}　話題にしてほしいこと：${topics}`,
    worded: (person, question, answer) => `${person}　${question}：${answer}`,
    noAnswer: (person) => `${person}：期限までに回答がありませんでした`,
    noPrep: '上司・メンターからの事前の回答はありません。',
    earlierRound: (round, condition) => `第${round}回：${condition}`,
    trend: (trend) => `推移：${trend}`,
    direction: {
      worse: '前回より気がかりが増えています。その後の様子を丁寧に尋ねてください。',
      better: '前回より落ち着いてきています。何が助けになったかを本人と一緒に確かめてください。',
      same: '前回と同じ状態です。',
    },
    lastNeedsCare: (round, condition) =>
      `第${round}回のコンディションは「${condition}」でした。そのとき気になっていたことが、その後どうなったかを尋ねてください。`,
    firstRound: '今回が初回の面談です。これまでの記録はありません。',
    noEarlier: 'これまでの面談の記録はありません。',
    firstRoundPrompts: [
      '慣れ具合：「入社して1カ月、職場や生活の変化には慣れてきましたか？ 不安に感じていることはありませんか？」',
      'コミュニケーションの広がり：「同じチームの人や、他の部署の人と話す機会はありますか？ 困ったときに相談できる人はいますか？」',
      '想像とのギャップ：「入社前に想像していた仕事や働き方と、違うと感じるところはありますか？」',
      '「特に困っていません」で終わりそうなときは、朝の始まり方や質問のしかたなど、具体的な場面を挙げて尋ねる。',
    ],
    laterPrompts: [
      '適応の様子：「この1カ月で、仕事やチームの中で変わってきたことはありますか？」',
      '成長の実感：「できるようになってきたことや、手応えを感じた場面はありますか？」 本人の強みや価値観を一緒に棚卸しする。',
      'プライベートとのバランス：「働く時間や休みの取り方、体調に無理はありませんか？」',
      'チームには話しにくいこと：「チームの中では言いにくいけれど、気になっていることはありますか？」',
    ],
    lastRoundPrompt:
      'これまでの数カ月を振り返り、この会社でどう貢献していきたいかを本人が自分の言葉にできるよう支援する。これからも必要なときは人事に相談できることを伝える。',
    raiseTeamTopics: '上司・メンターが挙げた話題には、本人が話しやすい流れの中で触れる。',
    threeParty: [
      '今回は、上司が同席する三者面談にすることができます。同席は任意で、本人が人事とだけ話したいと望んだ場合はそれに従ってください。',
      '上司が同席する場合も、本人が「上司と人事に囲まれている」と感じないよう、人事とだけ話す時間を残してください。',
    ],
    groundRules: [
      '業務の内容そのものには深入りしない。業務の進捗やスキルは、上司・メンターのチーム面談で扱います。',
      '評価のための場ではなく、本人を支援するための対話であることを最初に伝える。',
      '面談で聞いたことをチームに共有する前に、必ず本人の同意を得る。共有してよい内容を本人と一緒に確かめ、同意がなければ何も共有しない。',
    ],
    afterSession: (labels) => [
      `面談のあと、記録フォームでコンディション（${conditions.map((condition) => labels[condition]).join('・')}）を記録してください。「${labels.alert}」の場合は人事責任者に連絡が入り、追加のフォロー面談を提案します。`,
      '人事メモは人事だけの記録で、誰にも共有されません。チームへの共有メモは、本人が同意した場合に限り、そのまま上司・メンターに届きます。',
    ],
  },
  en: {
    headings: {
      attention: 'The manager or mentor is concerned',
      carriedOver: "What to check this time (from HR's records)",
      prep: (name) => `How the manager and mentor see ${name} lately`,
      earlier: 'Earlier sessions',
      prompts: (round) =>
        round === 1
          ? 'What to ask this time (round 1: settling in)'
          : `What to ask this time (round ${round}: adapting and growing)`,
      threeParty: 'About a three-party meeting',
      groundRules: 'Ground rules (every session)',
      afterSession: 'After the session',
      newHireTopics: 'What they would like to talk about (HR only; never shared with the manager or mentor)',
    },
    newHireTopics: (topics) => `They would like to talk about: ${topics}`,
    keepFromTeam: (text) => `They would rather HR did not raise with the team: ${text}`,
    newHireTopicsAdvice:
      'They told HR this on the optional form before the session. Only HR reads it; it has not reached the manager, the mentor or the team. Start from what they want to talk about.',
    keepFromTeamAdvice:
      'Keep what they asked not to be raised with the team out of any team summary and out of conversations with the manager or mentor.',
    role: { manager: (name) => `Manager ${name}`, mentor: (name) => `Mentor ${name}` },
    offerConcerns: (concerns) => `Worries that remained after the offer meeting: ${concerns}`,
    lastFollowUp: (round, text) => `Noted after round ${round} as what to check next time: ${text}`,
    carriedOverAdvice: 'Ask how things have turned out, where the conversation makes it easy for them.',
    concerned: (person, wellbeing) => `${person} answered "${wellbeing}" about how they seem.`,
    concernedAdvice: [
      'Do not open with it: ask broadly how things have been, and touch on it in a way that makes it easy for them to talk.',
      'Never tell them what the manager or mentor said, or that it came from them.',
    ],
    wellbeing: (person, wellbeing) => `${person}, how they seem: ${wellbeing}`,
    progress: (person, progress) => `${person}, recent progress at work: ${progress}`,
    topics: (person, topics) => `${person}, topics to raise: ${topics}`,
    worded: (person, question, answer) => `${person}, ${question}: ${answer}`,
    noAnswer: (person) => `${person}: no answer by the deadline`,
    noPrep: 'No answer from the manager or mentor before this session.',
    earlierRound: (round, condition) => `Round ${round}: ${condition}`,
    trend: (trend) => `Trend: ${trend}`,
    direction: {
      worse: 'More concern than last time. Ask carefully how things have gone since.',
      better: 'Calmer than last time. Find out with them what has helped.',
      same: 'The same as last time.',
    },
    lastNeedsCare: (round, condition) =>
      `In round ${round} the condition was "${condition}". Ask how what was on their mind then has turned out.`,
    firstRound: 'This is the first session; there are no earlier records.',
    noEarlier: 'No earlier session was recorded.',
    firstRoundPrompts: [
      'Settling in: "How are you getting used to the workplace and the changes in your life this first month? Is anything making you uneasy?"',
      'How far their contacts reach: "Do you get to talk with people in your team, and in other teams? Is there someone you can turn to when you are stuck?"',
      'The gap with what they imagined: "Is anything about the job or the way of working different from what you imagined before joining?"',
      'If the answer is heading for "no problems in particular", ask about concrete moments: how the day starts, how they ask questions.',
    ],
    laterPrompts: [
      'Adapting: "What has changed for you in your work or in the team this past month?"',
      'Growth: "What have you started to manage, or when did something go well?" Take stock of their strengths and values together.',
      'Work-life balance: "Are your working hours, time off and health all right?"',
      'Things hard to say to the team: "Is anything on your mind that is hard to bring up in the team?"',
    ],
    lastRoundPrompt:
      'Look back over these months together and help them put into their own words how they want to contribute here. Tell them they can keep turning to HR whenever they need.',
    raiseTeamTopics:
      'Touch on the topics the manager or mentor raised where the conversation makes it easy for them.',
    threeParty: [
      'This round can be a three-party meeting with the manager. Joining is optional: if they would rather talk with HR alone, follow their wish.',
      'If the manager joins, keep some time for HR alone, so they never feel cornered by their manager and HR.',
    ],
    groundRules: [
      'Do not dig into the work itself. Progress and skills belong to the team session with the manager or mentor.',
      'Say at the start that this is a conversation to support them, not an evaluation.',
      'Ask for their consent before sharing anything from the session with the team. Agree with them on what may be shared; without consent, share nothing.',
    ],
    afterSession: (labels) => [
      `After the session, record their condition (${conditions.map((condition) => labels[condition].toLowerCase()).join(', ')}) on the form. "${labels.alert}" tells the HR lead and proposes an extra follow-up session.`,
      'Private notes stay with HR and are never shared. The team summary reaches the manager and mentor, as written, only if they agreed.',
    ],
  },
};

const filled = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

const concern: readonly Wellbeing[] = ['some-concern', 'worried'];
const severity: Record<Condition, number> = { good: 0, watch: 1, alert: 2 };

/** Conditions in round order as people read them, e.g. "良好 → 見守り". */
export const conditionTrend = (conditions: readonly Condition[], locale: Locale): string =>
  conditions.map((condition) => conditionLabels[locale][condition]).join(' → ');

const direction = (from: Condition, to: Condition): Direction =>
  severity[to] > severity[from] ? 'worse' : severity[to] < severity[from] ? 'better' : 'same';

const prepItems = (
  prep: TeamInsight[],
  locale: Locale,
  text: BriefCopy,
  questions: Record<string, string> = {},
): string[] => {
  if (prep.length === 0) return [text.noPrep];
  return prep.flatMap((insight) => {
    const person = text.role[insight.role](insight.name);
    if (insight.status === 'expired') return [text.noAnswer(person)];
    const line = (
      field: 'wellbeing' | 'progress' | 'topics',
      answer: string,
      usual: typeof text.progress,
    ) => {
      const question = questions[field];
      return question ? text.worded(person, question, answer) : usual(person, answer);
    };
    return [
      ...(insight.wellbeing
        ? [line('wellbeing', wellbeingLabels[locale][insight.wellbeing], text.wellbeing)]
        : []),
      ...(filled(insight.progress) ? [line('progress', insight.progress, text.progress)] : []),
      ...(filled(insight.topics) ? [line('topics', insight.topics, text.topics)] : []),
    ];
  });
};

const earlierItems = (input: SessionBriefInput, locale: Locale, text: BriefCopy): string[] => {
  if (input.round === 1) return [text.firstRound];
  const earlier = [...input.earlier].sort((one, two) => one.round - two.round);
  const last = earlier.at(-1);
  if (!last) return [text.noEarlier];
  const items = earlier.map((record) =>
    text.earlierRound(record.round, conditionLabels[locale][record.condition]),
  );
  const previous = earlier.at(-2);
  if (previous) {
    items.push(
      text.trend(
        conditionTrend(
          earlier.map((record) => record.condition),
          locale,
        ),
      ),
    );
    items.push(text.direction[direction(previous.condition, last.condition)]);
  }
  if (last.condition !== 'good') {
    items.push(text.lastNeedsCare(last.round, conditionLabels[locale][last.condition]));
  }
  return items;
};

/** What HR wrote down earlier for this session: HR's own records, for HR's brief only. */
const carriedOver = (input: SessionBriefInput, text: BriefCopy): OfferBriefSection[] => {
  const items = [
    ...(input.round === 1 && filled(input.offerConcerns)
      ? [text.offerConcerns(input.offerConcerns.trim())]
      : []),
    ...(input.lastFollowUp && filled(input.lastFollowUp.text)
      ? [text.lastFollowUp(input.lastFollowUp.round, input.lastFollowUp.text.trim())]
      : []),
  ];
  if (items.length === 0) return [];
  return [
    { key: 'carried-over', heading: text.headings.carriedOver, items: [...items, text.carriedOverAdvice] },
  ];
};

/**
 * What the new hire asked to talk about, in HR's brief or in the short update HR gets when it came after the
 * brief; none when they sent nothing.
 */
export const newHireTopicsSection = (
  input: NewHireTopics | undefined,
  locale: Locale,
): OfferBriefSection | undefined => {
  const text = copy[locale];
  const topics = filled(input?.topics) ? input.topics.trim() : undefined;
  const keepFromTeam = filled(input?.keepFromTeam) ? input.keepFromTeam.trim() : undefined;
  if (topics === undefined && keepFromTeam === undefined) return undefined;
  return {
    key: 'new-hire-topics',
    heading: text.headings.newHireTopics,
    items: [
      ...(topics !== undefined ? [text.newHireTopics(topics)] : []),
      ...(keepFromTeam !== undefined ? [text.keepFromTeam(keepFromTeam)] : []),
      text.newHireTopicsAdvice,
      ...(keepFromTeam !== undefined ? [text.keepFromTeamAdvice] : []),
    ],
  };
};

const promptItems = (input: SessionBriefInput, text: BriefCopy): string[] => [
  ...(input.round === 1 ? text.firstRoundPrompts : text.laterPrompts),
  ...(input.round > 1 && input.round === input.roundsTotal ? [text.lastRoundPrompt] : []),
  ...(input.prep.some((insight) => insight.status === 'submitted' && filled(insight.topics))
    ? [text.raiseTeamTopics]
    : []),
];

/**
 * The brief HR reads before an onboarding 1on1: what the manager and mentor see, how earlier rounds went,
 * and prompts fitted to the stage, so small signs show early and no two rounds get the same script.
 */
export const buildSessionBrief = (input: SessionBriefInput, locale: Locale): SessionBrief => {
  const { round, roundsTotal } = input;
  if (!Number.isInteger(round) || round < 1 || !Number.isInteger(roundsTotal) || round > roundsTotal) {
    throw new RangeError(`round ${round} of ${roundsTotal} is not a round of the journey`);
  }
  const text = copy[locale];
  const concerned = input.prep.filter(
    (insight): insight is TeamInsight & { wellbeing: Wellbeing } =>
      insight.status === 'submitted' &&
      insight.wellbeing !== undefined &&
      concern.includes(insight.wellbeing),
  );
  const sections: OfferBriefSection[] = [
    ...(concerned.length > 0
      ? [
          {
            key: 'attention',
            heading: text.headings.attention,
            items: [
              // Worried before some-concern: the stronger signal is read first.
              ...[...concerned]
                .sort((one, two) => Number(two.wellbeing === 'worried') - Number(one.wellbeing === 'worried'))
                .map((insight) =>
                  text.concerned(
                    text.role[insight.role](insight.name),
                    wellbeingLabels[locale][insight.wellbeing],
                  ),
                ),
              ...text.concernedAdvice,
            ],
          },
        ]
      : []),
    ...[
      newHireTopicsSection(input.newHireTopics, locale),
      input.pulse && pulseBriefSection(input.pulse.series, locale, input.pulse.zone),
    ].filter((section) => section !== undefined),
    ...carriedOver(input, text),
    {
      key: 'prep',
      heading: text.headings.prep(input.employeeName),
      items: prepItems(input.prep, locale, text, input.prepQuestions),
    },
    { key: 'earlier', heading: text.headings.earlier, items: earlierItems(input, locale, text) },
    { key: 'prompts', heading: text.headings.prompts(round), items: promptItems(input, text) },
    ...(input.threeParty
      ? [{ key: 'three-party', heading: text.headings.threeParty, items: text.threeParty }]
      : []),
    { key: 'ground-rules', heading: text.headings.groundRules, items: text.groundRules },
    {
      key: 'after-session',
      heading: text.headings.afterSession,
      items: text.afterSession(conditionLabels[locale]),
    },
  ];
  // Copies, so a caller editing one brief never changes the wording of the next.
  return { sections: sections.map((section) => ({ ...section, items: [...section.items] })) };
};
