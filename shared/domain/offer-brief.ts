import type { Locale } from '#shared/domain/locale.ts';
import type { Offer } from '#shared/domain/offer.ts';
import { type SituationFlag, situationFlags } from '#shared/domain/situation-flags.ts';

/** What one interviewer told HR before the meeting, or that they did not answer in time. */
export interface InterviewerInsight {
  interviewerName: string;
  status: 'submitted' | 'expired';
  concerns?: string;
  impressions?: string;
  strengths?: string;
}

export interface OfferBriefSection {
  key: string;
  heading: string;
  items: string[];
}

export interface OfferBrief {
  sections: OfferBriefSection[];
}

interface BriefCopy {
  headings: Record<
    'agenda' | 'concerns' | 'strengths' | 'questions' | 'hardTruths' | 'situation' | 'afterMeeting',
    string
  >;
  agenda: string[];
  fromSelection: (concern: string) => string;
  interviewerConcern: (name: string, concern: string) => string;
  interviewerNoConcern: (name: string) => string;
  interviewerNoAnswer: (name: string) => string;
  noConcerns: string;
  answerEachConcern: string;
  interviewerStrength: (name: string, strength: string) => string;
  interviewerImpression: (name: string, impression: string) => string;
  noStrengths: string;
  questions: string[];
  hardTruths: string[];
  situations: Record<SituationFlag, string[]>;
  afterMeeting: string[];
}

// The wording follows the source article (domain.md, Phase 1): the meeting helps the candidate decide with
// conviction; nothing here asks HR to judge the candidate.
const copy: Record<Locale, BriefCopy> = {
  ja: {
    headings: {
      agenda: '面談の流れ',
      concerns: '事前に把握している迷い・不安',
      strengths: 'フィードバックとして伝えたい強み・印象',
      questions: '具体的な問いかけの例',
      hardTruths: '率直に伝えること',
      situation: '候補者の状況に合わせて',
      afterMeeting: '面談のあとで',
    },
    agenda: [
      '最終選考のフィードバック共有：選考の中で印象に残った点や、組織としてどのような可能性を感じたかを率直に伝え、本人の強みを再確認する。',
      '入社後に期待することの共有：職務内容に加え、チームの中でどんな役割を担ってほしいか、どう活躍してほしいかを具体的に伝え、イメージをすり合わせる。',
      'オファー条件の提示：金額や契約条件だけでなく、給与体系の考え方や評価・昇給の仕組みを、評価指標や成長のハードルも含めて説明する。「聞きにくいこともぜひ遠慮なく聞いてくださいね」と伝え、率直な質問を促す。',
      '入社までの流れと初期オンボーディングの案内：入社日までの連絡や手続き、入社1カ月目〜3カ月目の動きを共有し、入社後のイメージを具体化してもらう。',
      '質疑応答とクロージング：事前に把握した「気になっていること」「選考中に聞けなかったこと」にあらためて触れる。「他に検討材料になりそうなことがあれば、持ち帰って整理いただきご検討ください」と、余白を持って締めくくる。',
    ],
    fromSelection: (concern) => `選考中に挙がった懸念：${concern}`,
    interviewerConcern: (name, concern) => `面接官 ${name} さんが感じた迷い・不安：${concern}`,
    interviewerNoConcern: (name) => `面接官 ${name} さん：特に迷いや不安は感じなかったとのこと`,
    interviewerNoAnswer: (name) => `面接官 ${name} さん：期限までに回答がありませんでした`,
    noConcerns:
      '事前に把握している懸念はありません。表に出ていないだけのこともあるため、下の問いかけで具体的に尋ねてください。',
    answerEachConcern:
      'それぞれの懸念に対して、解消策か具体的な説明を用意してから臨む（例：入社後のサポートへの不安には、成長支援や評価の仕組みを具体的に）。',
    interviewerStrength: (name, strength) => `面接官 ${name} さんが挙げた強み：${strength}`,
    interviewerImpression: (name, impression) => `面接官 ${name} さんの印象：${impression}`,
    noStrengths:
      '面接官からの回答はありません。最終選考の記録から、印象に残った点と感じた可能性を整理して伝えてください。',
    questions: [
      '「配属予定チームの体制について、気になることはありますか？」',
      '「入社後に最初に担当する仕事について、イメージしにくいところはありますか？」',
      '「評価や昇給の仕組みで、もう少し詳しく知りたい点はありますか？」',
      '「働き方（業務量、残業、休暇の取り方など）で確認しておきたいことはありますか？」',
      '「ご自身の中でまだ整理しきれていない点があれば、この場で一緒に確認させてください。」',
      '「何か質問はありますか？」だけで終わらせない。',
    ],
    hardTruths: [
      '業務の負荷と忙しい時期の実態、それを支えるサポート体制を、良い面と同じ重さで伝える。',
      '評価指標と成長のハードル：何が求められ、どこでつまずきやすいかを具体的に伝える。',
      '会社として実現できること・できないことをはっきり伝える。約束できないことは約束しない。',
      '「裁量がある」「早く成長できる」といった魅力だけで終わらせない。期待と実態のずれは入社後のギャップになる。',
    ],
    situations: {
      'multiple-offers': [
        '複数社で迷っている：何を大切にして決めたいか（仕事内容、成長環境、働き方、条件など）を、本人が自分の言葉で整理できるよう手伝う。',
        '他社と比べたときに当社で実現できること・できないことを率直に伝える。他社を否定しない。',
        '決断を急かさない。回答期限までに確かめたいことが出てきたら、いつでも連絡してよいと伝える。',
      ],
      'unclear-role-image': [
        '入社後のイメージがまだ曖昧：最初の数カ月に担当する仕事を、具体的な例を挙げて説明する。',
        '配属予定チームの人数や構成、雰囲気、一緒に働く人を紹介する。',
        '典型的な1週間の流れ（打ち合わせ、作業、相談できる機会）を伝える。必要ならチームのメンバーと話す場を提案する。',
      ],
      'conditions-concern': [
        '条件面に懸念がある：給与・賞与・手当の内訳と給与体系の考え方を、数字で具体的に示す。',
        '昇給の時期と条件、実際の例を説明する。',
        '調整できる点とできない点をはっきり伝え、後から「聞いていなかった」とならないようにする。',
      ],
      'career-change': [
        '異業種・異職種への転職：これまでの経験のうち、そのまま活きる部分と新しく身につける部分を具体的に伝える。',
        '立ち上がりの支援（研修、メンター、最初の目標の置き方）を説明する。',
        '最初の数カ月は慣れることが優先で、すぐに成果が出なくても想定のうちだと伝える。',
      ],
      relocation: [
        '転居を伴う：引っ越し費用や住宅手当など、会社が支援できること・できないことを明確に伝える。',
        '転居の時期や手続きと入社日までの予定を一緒に確認する。',
        'ご家族の事情など、言い出しにくい心配がないかをそっと尋ねる。',
      ],
      'new-graduate': [
        '新卒で入社まで期間が長い：入社日までの接点（定期的な連絡、内定者の集まり、入社前の案内）の予定を伝える。',
        '入社前に準備しておくとよいこと・しなくてよいことを伝え、余計なプレッシャーを与えない。',
        '学生から社会人になることへの不安（働き方、人間関係）を話しやすい雰囲気をつくる。',
      ],
    },
    afterMeeting: [
      '面談のあと、候補者の反応や言葉から、まだ残っている不安を書き留めてください。',
      '結果記録フォームの「残っている不安」は、入社承諾後に配属先の上司・メンターへ共有され、受け入れ準備に使われます。人事メモは共有されません。',
    ],
  },
  en: {
    headings: {
      agenda: 'Agenda',
      concerns: 'Hesitations and worries known so far',
      strengths: 'Strengths and impressions to feed back',
      questions: 'Specific questions to ask',
      hardTruths: 'Say these plainly',
      situation: "Fitted to the candidate's situation",
      afterMeeting: 'After the meeting',
    },
    agenda: [
      'Feedback from the final selection: say openly what stood out and what potential the organisation sees, so the candidate hears their strengths again.',
      'What we expect after joining: the role, and the part we hope they will play in the team, concretely enough to compare pictures.',
      'The offer: pay and contract, and also how pay is structured and how evaluation and raises work, including the criteria and the hurdles to growth. Say "please ask anything, even what feels awkward to ask" to invite blunt questions.',
      'The path to day one and the first onboarding months: contact and paperwork until the start date, then what months 1 to 3 look like.',
      'Questions and closing: come back to the worries gathered beforehand and to what they could not ask during selection. Leave room: "if anything else matters for your decision, take it home and think it over."',
    ],
    fromSelection: (concern) => `Raised during selection: ${concern}`,
    interviewerConcern: (name, concern) => `Sensed by interviewer ${name}: ${concern}`,
    interviewerNoConcern: (name) => `Interviewer ${name}: sensed no particular hesitation`,
    interviewerNoAnswer: (name) => `Interviewer ${name}: no answer by the deadline`,
    noConcerns:
      'No concerns are known yet. Some are simply unspoken, so ask about them with the specific questions below.',
    answerEachConcern:
      'Come with a concrete remedy or explanation for each concern (for example, for worries about support after joining, explain the growth support and how evaluation works).',
    interviewerStrength: (name, strength) => `Strength noted by interviewer ${name}: ${strength}`,
    interviewerImpression: (name, impression) => `Impression of interviewer ${name}: ${impression}`,
    noStrengths:
      'No interviewer answered. Use the notes from the final selection: what stood out and what potential you see.',
    questions: [
      '"Is there anything about the structure of the team you would join that you would like to know?"',
      '"Is any part of your first assignments still hard to picture?"',
      '"Would you like more detail on how evaluation and raises work?"',
      '"Anything about the way of working (workload, overtime, taking leave) you want to check?"',
      '"If anything is still unsettled for you, let\'s go through it together now."',
      'Never stop at "any questions?".',
    ],
    hardTruths: [
      'The real workload and busy periods, and the support behind them, with the same weight as the attractive parts.',
      'Evaluation criteria and growth hurdles: what is expected and where people tend to struggle.',
      'What the company can and cannot offer. Do not promise what cannot be kept.',
      'Do not stop at "lots of freedom" or "fast growth": a gap between expectation and reality becomes a gap after joining.',
    ],
    situations: {
      'multiple-offers': [
        'Weighing several offers: help the candidate put their own decision criteria into words (the work, growth, way of working, conditions).',
        'Say plainly what we can and cannot offer compared with other options. Never run other companies down.',
        'Do not press for a decision. Tell them they can get in touch any time before the reply deadline.',
      ],
      'unclear-role-image': [
        'The picture of the job is still vague: describe the work of the first months with concrete examples.',
        'Introduce the team: its size, make-up and atmosphere, and who they would work with.',
        'Walk through a typical week (meetings, focused work, chances to ask for help). Offer a talk with team members if it would help.',
      ],
      'conditions-concern': [
        'Concerned about conditions: show the breakdown of salary, bonus and allowances, and the thinking behind the pay structure, in numbers.',
        'Explain when and how raises happen, with real examples.',
        'Say clearly what can and cannot be adjusted, so nothing comes as a surprise later.',
      ],
      'career-change': [
        'Changing career: say which parts of their experience carry over as they are and which they will learn anew.',
        'Explain the support for getting started (training, mentor, how first goals are set).',
        'Say that the first months are for settling in, and that results taking time is expected.',
      ],
      relocation: [
        'Moving for the job: say clearly what the company does and does not cover (moving costs, housing allowance).',
        'Go through the timing of the move, the paperwork and the days until the start date together.',
        'Ask gently whether there are worries that are hard to raise, such as family circumstances.',
      ],
      'new-graduate': [
        'New graduate with a long wait until the start: share the plan for contact until day one (regular updates, gatherings, pre-start information).',
        'Say what is worth preparing before joining and what is not needed, without adding pressure.',
        'Make it easy to talk about the step from student to working life (ways of working, relationships).',
      ],
    },
    afterMeeting: [
      "After the meeting, write down the worries that remain, from the candidate's reactions and words.",
      'The "remaining concerns" on the outcome form go to the manager and mentor once the offer is accepted, so the team can prepare. Your private notes are never shared.',
    ],
  },
};

const filled = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

const concernItems = (offer: Offer, insights: InterviewerInsight[], text: BriefCopy): string[] => {
  const items = offer.selection.concerns.map(text.fromSelection);
  for (const insight of insights) {
    if (insight.status === 'expired') items.push(text.interviewerNoAnswer(insight.interviewerName));
    else if (filled(insight.concerns))
      items.push(text.interviewerConcern(insight.interviewerName, insight.concerns));
    else items.push(text.interviewerNoConcern(insight.interviewerName));
  }
  const known = offer.selection.concerns.length > 0 || insights.some((insight) => filled(insight.concerns));
  return [...items, known ? text.answerEachConcern : text.noConcerns];
};

const strengthItems = (insights: InterviewerInsight[], text: BriefCopy): string[] => {
  const items = insights.flatMap((insight) => [
    ...(filled(insight.strengths)
      ? [text.interviewerStrength(insight.interviewerName, insight.strengths)]
      : []),
    ...(filled(insight.impressions)
      ? [text.interviewerImpression(insight.interviewerName, insight.impressions)]
      : []),
  ]);
  return items.length > 0 ? items : [text.noStrengths];
};

/**
 * The brief HR reads before the offer meeting: the agenda, what is known of the candidate's worries, and
 * advice fitted to their situation, so no two candidates get the same script.
 */
export const buildOfferBrief = (
  input: { offer: Offer; insights: InterviewerInsight[] },
  locale: Locale,
): OfferBrief => {
  const text = copy[locale];
  const { offer, insights } = input;
  // The contract's order, not HR's, so the same situation always reads the same way.
  const situationItems = situationFlags
    .filter((flag) => offer.selection.situation.includes(flag))
    .flatMap((flag) => text.situations[flag]);
  const sections: OfferBriefSection[] = [
    { key: 'agenda', heading: text.headings.agenda, items: text.agenda },
    { key: 'concerns', heading: text.headings.concerns, items: concernItems(offer, insights, text) },
    ...(situationItems.length > 0
      ? [{ key: 'situation', heading: text.headings.situation, items: situationItems }]
      : []),
    { key: 'strengths', heading: text.headings.strengths, items: strengthItems(insights, text) },
    { key: 'questions', heading: text.headings.questions, items: text.questions },
    { key: 'hard-truths', heading: text.headings.hardTruths, items: text.hardTruths },
    { key: 'after-meeting', heading: text.headings.afterMeeting, items: text.afterMeeting },
  ];
  // Copies, so a caller editing one brief never changes the wording of the next.
  return { sections: sections.map((section) => ({ ...section, items: [...section.items] })) };
};
