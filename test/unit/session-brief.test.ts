import { describe, expect, it } from 'vitest';
import type { Locale } from '#shared/domain/locale.ts';
import {
  buildSessionBrief,
  conditionTrend,
  newHireTopicsSection,
  type SessionBrief,
  type SessionBriefInput,
  type TeamInsight,
} from '#shared/domain/session-brief.ts';

const section = (brief: SessionBrief, key: string) =>
  brief.sections.find((candidate) => candidate.key === key);
const allText = (brief: SessionBrief) =>
  brief.sections.flatMap((part) => [part.heading, ...part.items]).join('\n');

const manager: TeamInsight = {
  role: 'manager',
  name: '鈴木 一郎',
  status: 'submitted',
  progress: '請求書の処理を一人で回せるようになった',
  wellbeing: 'well',
  topics: '他部署との関わり',
};
const silentMentor: TeamInsight = { role: 'mentor', name: '田中 美咲', status: 'expired' };

const brief = (overrides: Partial<SessionBriefInput> = {}, locale: Locale = 'ja') =>
  buildSessionBrief(
    {
      round: 1,
      roundsTotal: 3,
      employeeName: '山田 花子',
      prep: [manager, silentMentor],
      earlier: [],
      threeParty: false,
      ...overrides,
    },
    locale,
  );

describe('the onboarding session brief', () => {
  it('passes on each prep answer by person, and notes who did not answer', () => {
    const items = section(brief(), 'prep')?.items.join('\n') ?? '';
    expect(items).toMatch(/上司 鈴木 一郎 さん　本人の様子：順調そう/);
    expect(items).toContain('請求書の処理を一人で回せるようになった');
    expect(items).toContain('他部署との関わり');
    expect(items).toMatch(/メンター 田中 美咲 さん：期限までに回答がありませんでした/);
    expect(section(brief({}, 'en'), 'prep')?.items).toContain('Mentor 田中 美咲: no answer by the deadline');
    expect(section(brief(), 'prep')?.heading).toContain('山田 花子');
  });

  it("sets each answer beside the question in the company's own words, where its template words it", () => {
    const items = section(
      brief({ prepQuestions: { progress: 'この1カ月で任せた仕事と、その進み具合' } }),
      'prep',
    )?.items;
    expect(items).toContain(
      '上司 鈴木 一郎 さん　この1カ月で任せた仕事と、その進み具合：請求書の処理を一人で回せるようになった',
    );
    expect(items).toContain('上司 鈴木 一郎 さん　話題にしてほしいこと：他部署との関わり');
  });

  it('says so when nobody was asked', () => {
    expect(section(brief({ prep: [] }, 'en'), 'prep')?.items).toEqual([
      'No answer from the manager or mentor before this session.',
    ]);
  });

  it('puts a manager who is worried or concerned first', () => {
    for (const wellbeing of ['worried', 'some-concern'] as const) {
      const worried = brief({ prep: [{ ...manager, wellbeing }] });
      expect(worried.sections[0]?.key).toBe('attention');
      expect(worried.sections[0]?.items[0]).toMatch(
        /上司 鈴木 一郎 さんが、本人の様子を「(心配|少し気がかり)」/,
      );
    }
    expect(section(brief(), 'attention')).toBeUndefined();
    expect(section(brief({ prep: [{ ...silentMentor }] }), 'attention')).toBeUndefined();
  });

  it('reads the worried answer before the concerned one', () => {
    const both = brief({
      prep: [
        { ...manager, role: 'mentor', name: 'A', wellbeing: 'some-concern' },
        { ...manager, wellbeing: 'worried' },
      ],
    });
    expect(section(both, 'attention')?.items[0]).toContain('心配');
    expect(section(both, 'attention')?.items[1]).toContain('少し気がかり');
  });

  it('fits the prompts to the first round: settling in, contacts, the gap with what they imagined', () => {
    const ja = section(brief(), 'prompts');
    expect(ja?.heading).toContain('第1回');
    expect(ja?.items.join('\n')).toMatch(/慣れ[\s\S]*他の部署[\s\S]*想像していた/);
    const en = section(brief({}, 'en'), 'prompts')?.items.join('\n') ?? '';
    expect(en).toMatch(/Settling in[\s\S]*in your team, and in other teams/);
    expect(en).toMatch(/different from what you imagined/);
  });

  it('fits later rounds to adapting, growth, work-life balance and what is hard to say to the team', () => {
    const en = section(brief({ round: 2, earlier: [{ round: 1, condition: 'good' }] }, 'en'), 'prompts');
    expect(en?.heading).toContain('round 2');
    expect(en?.items.join('\n')).toMatch(
      /Adapting[\s\S]*Growth[\s\S]*Work-life balance[\s\S]*hard to bring up in the team/,
    );
    expect(en?.items.join('\n')).not.toMatch(/different from what you imagined/);
    const last = section(brief({ round: 3, earlier: [] }, 'en'), 'prompts')?.items.join('\n') ?? '';
    expect(last).toMatch(/Look back over these months/);
    expect(en?.items.join('\n')).not.toMatch(/Look back over these months/);
  });

  it('always keeps to support, leaves the work alone and asks for consent before sharing', () => {
    for (const round of [1, 2, 3]) {
      for (const locale of ['ja', 'en'] as const) {
        const rules = section(brief({ round }, locale), 'ground-rules')?.items.join('\n') ?? '';
        expect(rules).toMatch(
          locale === 'ja' ? /業務の内容そのものには深入りしない/ : /Do not dig into the work itself/,
        );
        expect(rules).toMatch(locale === 'ja' ? /評価のための場ではなく/ : /not an evaluation/);
        expect(rules).toMatch(locale === 'ja' ? /本人の同意を得る/ : /Ask for their consent before sharing/);
      }
    }
  });

  it('shows earlier rounds in order with the trend', () => {
    const third = brief({
      round: 3,
      earlier: [
        { round: 2, condition: 'watch' },
        { round: 1, condition: 'good' },
      ],
    });
    const items = section(third, 'earlier')?.items ?? [];
    expect(items.slice(0, 3)).toEqual(['第1回：良好', '第2回：見守り', '推移：良好 → 見守り']);
    expect(items.join('\n')).toMatch(/気がかりが増えています/);
    expect(items.join('\n')).toMatch(/第2回のコンディションは「見守り」でした/);
    const better = brief(
      {
        round: 3,
        earlier: [
          { round: 1, condition: 'alert' },
          { round: 2, condition: 'good' },
        ],
      },
      'en',
    );
    expect(section(better, 'earlier')?.items).toContain('Trend: Alert → Good');
    expect(section(better, 'earlier')?.items.join('\n')).toMatch(/Calmer than last time/);
  });

  it('says when there is nothing earlier', () => {
    expect(section(brief(), 'earlier')?.items).toEqual([
      '今回が初回の面談です。これまでの記録はありません。',
    ]);
    expect(section(brief({ round: 2 }, 'en'), 'earlier')?.items).toEqual([
      'No earlier session was recorded.',
    ]);
  });

  it('notes a possible three-party meeting only when offered, in round 1 too where the template allows it', () => {
    expect(section(brief({ round: 2 }), 'three-party')).toBeUndefined();
    const offered = section(brief({ round: 2, threeParty: true }, 'en'), 'three-party')?.items.join('\n');
    expect(offered).toMatch(/three-party meeting with the manager[\s\S]*optional/);
    // Whether round 1 may be one is the template's to say (offersThreeParty); the brief follows what was offered.
    expect(section(brief({ round: 1, threeParty: true }, 'en'), 'three-party')?.items.join('\n')).toBe(
      offered,
    );
  });

  it('refuses a round outside the journey', () => {
    expect(() => brief({ round: 0 })).toThrow(RangeError);
    expect(() => brief({ round: 4, roundsTotal: 3 })).toThrow(RangeError);
    expect(() => brief({ round: 1.5 })).toThrow(RangeError);
  });

  it('closes with what happens to notes, summary and alerts', () => {
    const after = brief({}, 'en').sections.at(-1);
    expect(after?.key).toBe('after-session');
    expect(after?.items.join('\n')).toMatch(/good, watch, alert[\s\S]*Private notes stay with HR/);
  });

  it('is written in the reader language', () => {
    const english = brief(
      {
        round: 3,
        employeeName: 'Hanako',
        prep: [
          { role: 'manager', name: 'Ichiro', status: 'submitted', wellbeing: 'worried', topics: 'pace' },
        ],
        earlier: [
          { round: 1, condition: 'good' },
          { round: 2, condition: 'watch' },
        ],
        threeParty: true,
      },
      'en',
    );
    expect(allText(english)).not.toMatch(/[ぁ-んァ-ヶ]/);
  });

  it("carries the offer's remaining concerns into round 1 and last round's follow-up into the next", () => {
    const first = brief({ offerConcerns: '  年収の伸び方  ', lastFollowUp: undefined });
    expect(section(first, 'carried-over')?.heading).toBe('今回確認すること（人事の記録から）');
    expect(section(first, 'carried-over')?.items[0]).toBe(
      '内定後の面談で残っていた不安・気がかり：年収の伸び方',
    );
    const second = brief({
      round: 2,
      earlier: [{ round: 1, condition: 'watch' }],
      offerConcerns: '年収の伸び方',
      lastFollowUp: { round: 1, text: '配属先の残業の様子' },
    });
    const items = section(second, 'carried-over')?.items ?? [];
    // The offer's concerns belong to the first session; later rounds build on their own records.
    expect(items.join('\n')).not.toContain('年収の伸び方');
    expect(items[0]).toBe('第1回の面談で記録した「次回確認すること」：配属先の残業の様子');
    expect(items.at(-1)).toBe('その後どうなったかを、本人が話しやすい流れの中で尋ねてください。');
    const english = brief(
      { round: 2, earlier: [{ round: 1, condition: 'good' }], lastFollowUp: { round: 1, text: 'overtime' } },
      'en',
    );
    expect(section(english, 'carried-over')?.items[0]).toBe(
      'Noted after round 1 as what to check next time: overtime',
    );
  });

  it('leaves the section out when HR recorded nothing to carry over', () => {
    expect(section(brief(), 'carried-over')).toBeUndefined();
    expect(
      section(brief({ offerConcerns: ' ', lastFollowUp: { round: 1, text: '' } }), 'carried-over'),
    ).toBeUndefined();
  });

  it('is deterministic and unaffected by edits to an earlier brief', () => {
    const first = brief();
    first.sections[0]?.items.push('edited');
    expect(brief()).not.toEqual(first);
    expect(brief()).toEqual(brief());
  });
});

describe("the new hire's topics in HR's brief", () => {
  const topics = { topics: ' 通勤が少しつらい ', keepFromTeam: '体調のことはチームに言わないでほしい' };

  it('shows what they want to talk about and what to keep from the team, after any concern, for HR only', () => {
    const worried = { ...manager, wellbeing: 'worried' as const };
    const keys = brief({ prep: [worried], newHireTopics: topics }).sections.map((part) => part.key);
    expect(keys.slice(0, 2)).toEqual(['attention', 'new-hire-topics']);
    const part = section(brief({ newHireTopics: topics }), 'new-hire-topics');
    expect(part?.heading).toBe('本人が話したいこと（人事のみ。上司・メンターには共有しません）');
    expect(part?.items).toEqual([
      '話したいこと：通勤が少しつらい',
      '人事からチームには伝えないでほしいこと：体調のことはチームに言わないでほしい',
      expect.stringContaining('人事だけが読むもので'),
      expect.stringContaining('チームへの共有メモにも'),
    ]);
  });

  it('is written in the reader language', () => {
    const part = section(brief({ newHireTopics: topics }, 'en'), 'new-hire-topics');
    expect(part?.heading).toMatch(/^What they would like to talk about \(HR only/);
    expect(part?.items.slice(0, 2)).toEqual([
      'They would like to talk about: 通勤が少しつらい',
      'They would rather HR did not raise with the team: 体調のことはチームに言わないでほしい',
    ]);
  });

  it('asks nothing about the team when they only wrote topics, and is left out when they wrote nothing', () => {
    expect(newHireTopicsSection({ topics: '通勤' }, 'ja')?.items).toEqual([
      '話したいこと：通勤',
      expect.stringContaining('人事だけが読むもので'),
    ]);
    expect(newHireTopicsSection({ topics: ' ', keepFromTeam: '' }, 'ja')).toBeUndefined();
    expect(newHireTopicsSection(undefined, 'en')).toBeUndefined();
    expect(section(brief(), 'new-hire-topics')).toBeUndefined();
  });
});

describe('conditionTrend', () => {
  it('joins conditions in the order given', () => {
    expect(conditionTrend(['good', 'watch', 'alert'], 'ja')).toBe('良好 → 見守り → 要フォロー');
    expect(conditionTrend(['good'], 'en')).toBe('Good');
    expect(conditionTrend([], 'en')).toBe('');
  });
});

describe("the new hire's pulse answers in HR's brief", () => {
  const series = [
    { at: '2027-04-08T01:00:00.000Z', check: 1, answer: 'sunny' as const },
    {
      at: '2027-04-15T03:00:00.000Z',
      check: 2,
      answer: 'cloudy' as const,
      workload: 'rainy' as const,
      relationships: 'fair' as const,
      comment: '  残業が続いていて少し疲れています ',
    },
  ];

  it('lists each answer by day in the journey zone, with the person’s comment and the trend, for HR only', () => {
    const ja = section(brief({ pulse: { series, zone: 'Asia/Tokyo' } }), 'pulse');
    expect(ja?.heading).toContain('人事のみ');
    expect(ja?.items).toEqual(
      expect.arrayContaining([
        '4月8日：快晴',
        '4月15日：くもり（仕事量 雨、人間関係 晴れ）　本人のコメント「残業が続いていて少し疲れています」',
        '推移：快晴 → くもり',
      ]),
    );
    const en = section(brief({ pulse: { series, zone: 'America/New_York' } }, 'en'), 'pulse');
    // 01:00 UTC on 8 April is still 7 April in New York.
    expect(en?.items[0]).toBe('7 Apr: Sunny');
    expect(en?.items[1]).toContain(
      'Cloudy (workload Rainy, relationships Fair) — in their words: "残業が続いていて',
    );
    expect(en?.items.join('\n')).toContain('Never treat them as a score');
  });

  it('has no pulse section when nothing was answered', () => {
    expect(section(brief({ pulse: { series: [], zone: 'Asia/Tokyo' } }), 'pulse')).toBeUndefined();
    expect(section(brief(), 'pulse')).toBeUndefined();
  });
});
