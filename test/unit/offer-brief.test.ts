import { describe, expect, it } from 'vitest';
import { type Offer, offerSchema } from '#shared/domain/offer.ts';
import { buildOfferBrief, type InterviewerInsight, type OfferBrief } from '#shared/domain/offer-brief.ts';
import { type SituationFlag, situationFlags } from '#shared/domain/situation-flags.ts';
import { sampleOffer } from '../support/sample-offer.ts';

const offerWith = (selection: { concerns?: string[]; situation?: SituationFlag[] }): Offer =>
  offerSchema.parse({ ...sampleOffer(), selection: { concerns: [], situation: [], ...selection } });

const section = (brief: OfferBrief, key: string) => brief.sections.find((candidate) => candidate.key === key);
const allText = (brief: OfferBrief) =>
  brief.sections.flatMap((part) => [part.heading, ...part.items]).join('\n');

const insights: InterviewerInsight[] = [
  {
    interviewerName: '高橋 健',
    status: 'submitted',
    concerns: '配属先の雰囲気を気にしていた',
    impressions: '落ち着いて話す',
    strengths: '粘り強さ',
  },
  { interviewerName: '伊藤 誠', status: 'expired' },
];

describe('the offer meeting brief', () => {
  it('follows the five-part agenda in order', () => {
    for (const locale of ['ja', 'en'] as const) {
      const agenda = section(buildOfferBrief({ offer: offerWith({}), insights: [] }, locale), 'agenda');
      expect(agenda?.items).toHaveLength(5);
    }
    const agenda =
      section(buildOfferBrief({ offer: offerWith({}), insights: [] }, 'en'), 'agenda')?.items ?? [];
    expect(agenda[0]).toMatch(/^Feedback from the final selection/);
    expect(agenda[1]).toMatch(/^What we expect after joining/);
    expect(agenda[2]).toMatch(/^The offer.*pay is structured.*evaluation and raises/);
    expect(agenda[3]).toMatch(/^The path to day one.*months 1 to 3/);
    expect(agenda[4]).toMatch(/^Questions and closing.*take it home/);
  });

  it('gathers the concerns from selection and from each interviewer, by name', () => {
    const brief = buildOfferBrief(
      { offer: offerWith({ concerns: ['残業の多さを気にしている'] }), insights },
      'ja',
    );
    const concerns = section(brief, 'concerns')?.items.join('\n') ?? '';
    expect(concerns).toContain('残業の多さを気にしている');
    expect(concerns).toContain('高橋 健');
    expect(concerns).toContain('配属先の雰囲気を気にしていた');
    expect(concerns).toMatch(/伊藤 誠.*期限までに回答がありませんでした/);
  });

  it('says when an interviewer did not answer by the deadline, in English too', () => {
    const brief = buildOfferBrief({ offer: offerWith({}), insights }, 'en');
    expect(section(brief, 'concerns')?.items).toContain('Interviewer 伊藤 誠: no answer by the deadline');
  });

  it('passes on strengths and impressions to feed back', () => {
    const strengths = section(buildOfferBrief({ offer: offerWith({}), insights }, 'ja'), 'strengths');
    expect(strengths?.items.join('\n')).toMatch(/粘り強さ[\s\S]*落ち着いて話す/);
  });

  it('still guides HR when nobody raised a concern or answered', () => {
    const brief = buildOfferBrief({ offer: offerWith({}), insights: [] }, 'en');
    expect(section(brief, 'concerns')?.items).toEqual([expect.stringMatching(/No concerns are known yet/)]);
    expect(section(brief, 'strengths')?.items).toEqual([expect.stringMatching(/No interviewer answered/)]);
  });

  it('gives specific questions, never only "any questions?"', () => {
    const questions = section(buildOfferBrief({ offer: offerWith({}), insights: [] }, 'en'), 'questions');
    const text = questions?.items.join('\n') ?? '';
    expect(text).toMatch(/structure of the team/);
    expect(text).toMatch(/first assignments/);
    expect(text).toMatch(/evaluation and raises work/);
  });

  it('names the hard truths to state: workload, evaluation hurdles, what we cannot offer', () => {
    const hard = section(buildOfferBrief({ offer: offerWith({}), insights: [] }, 'ja'), 'hard-truths');
    const text = hard?.items.join('\n') ?? '';
    expect(text).toContain('業務の負荷');
    expect(text).toContain('成長のハードル');
    expect(text).toContain('できないこと');
  });

  it('adapts to the candidate situation', () => {
    const plain = buildOfferBrief({ offer: offerWith({}), insights: [] }, 'en');
    const torn = buildOfferBrief(
      { offer: offerWith({ situation: ['multiple-offers'] }), insights: [] },
      'en',
    );
    const vague = buildOfferBrief(
      { offer: offerWith({ situation: ['unclear-role-image'] }), insights: [] },
      'en',
    );
    expect(section(plain, 'situation')).toBeUndefined();
    expect(section(torn, 'situation')?.items.join('\n')).toMatch(/decision criteria[\s\S]*cannot offer/);
    expect(section(vague, 'situation')?.items.join('\n')).toMatch(
      /first months[\s\S]*team[\s\S]*typical week/,
    );
    expect(allText(torn)).not.toEqual(allText(vague));
  });

  it('has advice for every situation flag, and plans contact until day one for new graduates', () => {
    for (const flag of situationFlags) {
      for (const locale of ['ja', 'en'] as const) {
        const items = section(
          buildOfferBrief({ offer: offerWith({ situation: [flag] }), insights: [] }, locale),
          'situation',
        )?.items;
        expect(items?.length, `${flag} ${locale}`).toBeGreaterThan(0);
      }
    }
    const graduate = buildOfferBrief(
      { offer: offerWith({ situation: ['new-graduate'] }), insights: [] },
      'en',
    );
    expect(section(graduate, 'situation')?.items.join('\n')).toMatch(/contact until day one/);
  });

  it('reads the same whatever order HR listed the situation flags in', () => {
    const one = buildOfferBrief(
      { offer: offerWith({ situation: ['relocation', 'multiple-offers'] }), insights: [] },
      'ja',
    );
    const two = buildOfferBrief(
      { offer: offerWith({ situation: ['multiple-offers', 'relocation'] }), insights: [] },
      'ja',
    );
    expect(one).toEqual(two);
  });

  it('closes with the reminder to write down remaining worries for the team', () => {
    const brief = buildOfferBrief({ offer: offerWith({}), insights: [] }, 'en');
    expect(brief.sections.at(-1)?.key).toBe('after-meeting');
    expect(brief.sections.at(-1)?.items.join('\n')).toMatch(
      /write down the worries that remain[\s\S]*manager and mentor/,
    );
  });

  it('never frames the meeting as judging the candidate', () => {
    for (const locale of ['ja', 'en'] as const) {
      const brief = buildOfferBrief(
        {
          offer: offerWith({ concerns: ['年収'], situation: [...situationFlags] }),
          insights,
        },
        locale,
      );
      expect(allText(brief)).not.toMatch(
        /審査|見極め|見定め|合否|assess|screen|judge|test them|pass or fail/i,
      );
    }
  });

  it('is deterministic and unaffected by edits to an earlier brief', () => {
    const first = buildOfferBrief({ offer: offerWith({}), insights }, 'ja');
    first.sections[0]?.items.push('edited');
    expect(buildOfferBrief({ offer: offerWith({}), insights }, 'ja')).not.toEqual(first);
    expect(buildOfferBrief({ offer: offerWith({}), insights }, 'ja')).toEqual(
      buildOfferBrief({ offer: offerWith({}), insights }, 'ja'),
    );
  });
});
