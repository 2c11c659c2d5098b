import { describe, expect, it } from 'vitest';
import { buildFollowUpBrief, type FollowUpBriefInput } from '#shared/domain/follow-up-brief.ts';
import type { Locale } from '#shared/domain/locale.ts';
import type { SessionBrief, TeamInsight } from '#shared/domain/session-brief.ts';

const section = (brief: SessionBrief, key: string) =>
  brief.sections.find((candidate) => candidate.key === key);
const allText = (brief: SessionBrief) =>
  brief.sections.flatMap((part) => [part.heading, ...part.items]).join('\n');

const worriedManager: TeamInsight = {
  role: 'manager',
  name: '鈴木 一郎',
  status: 'submitted',
  progress: '',
  wellbeing: 'worried',
  topics: '最近元気がない',
};
const silentMentor: TeamInsight = { role: 'mentor', name: '田中 美咲', status: 'expired' };

const brief = (overrides: Partial<FollowUpBriefInput> = {}, locale: Locale = 'ja') =>
  buildFollowUpBrief(
    {
      round: 2,
      employeeName: '山田 花子',
      reason: 'manager-worried',
      prep: [worriedManager, silentMentor],
      ...overrides,
    },
    locale,
  );

describe("the brief for a round's extra follow-up session", () => {
  it('opens with why it was raised: a worried manager, with what they answered and not as a source to quote', () => {
    const result = brief();
    expect(result.sections[0]?.key).toBe('why');
    expect(section(result, 'why')?.items).toEqual([
      '第2回の面談前のヒアリングで、上司が本人の様子を「心配」と回答しました。',
      '上司・メンターから聞いたことを、出どころとして本人に伝えないでください。',
    ]);
    expect(section(result, 'prep')?.items).toEqual([
      '上司 鈴木 一郎 さん　本人の様子：心配',
      '上司 鈴木 一郎 さん　話題にしてほしいこと：最近元気がない',
    ]);
  });

  it("names HR's alert condition with HR's own note to check, never private notes", () => {
    const result = brief({ reason: 'condition-alert', prep: [], checkNext: '  来週もう一度話す ' }, 'en');
    expect(section(result, 'why')?.items).toEqual([
      'HR recorded the condition after the round 2 session as "Alert".',
      'Noted after the round 2 session as what to check next time: 来週もう一度話す',
      "HR's private session notes are not part of this email. Refer to your own records if needed.",
    ]);
    // No prep answered: no empty section.
    expect(section(result, 'prep')).toBeUndefined();
  });

  it("says only that the new hire's pulse check called for it", () => {
    for (const locale of ['ja', 'en'] as const) {
      const why = section(brief({ reason: 'pulse', prep: [] }, locale), 'why')?.items ?? [];
      expect(why[0]).toMatch(locale === 'ja' ? /パルスチェック/ : /pulse check/);
    }
  });

  it('prompts for individual follow-up, worded as support, in both languages', () => {
    for (const locale of ['ja', 'en'] as const) {
      const result = brief({}, locale);
      expect(result.sections.map((part) => part.key)).toEqual([
        'why',
        'prep',
        'prompts',
        'ground-rules',
        'after-session',
      ]);
      expect(allText(result)).not.toMatch(/評価します|査定|assess|rating/i);
    }
    expect(section(brief(), 'prompts')?.heading).toBe('今回の問いかけ（個別フォロー）');
    expect(section(brief({}, 'en'), 'after-session')?.items.join(' ')).toContain(
      'not even told the extra session took place',
    );
  });

  it('refuses a round that is not one', () => {
    expect(() => brief({ round: 0 })).toThrow(RangeError);
  });
});
