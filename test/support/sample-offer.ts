import type { Hire } from '#shared/domain/hire.ts';

/** The offer from the contract in the walking-skeleton issue; tests change copies of it. */
export const sampleOffer = () => ({
  offerId: 'OFR-2027-0042',
  candidate: { name: '山田 花子', email: 'hanako.yamada@example.com', locale: 'ja' },
  hr: { name: '佐藤 綾', email: 'aya.sato@example.co.jp' },
  manager: { name: '鈴木 一郎', email: 'ichiro.suzuki@example.co.jp' },
  mentor: { name: '田中 美咲', email: 'misaki.tanaka@example.co.jp' },
  interviewers: [{ name: '高橋 健', email: 'ken.takahashi@example.co.jp' }],
  offerMeetingAt: '2026-12-03T10:00:00+09:00',
  respondBy: '2026-12-15',
  startDate: '2027-04-01',
  timezone: 'Asia/Tokyo',
  selection: { concerns: ['残業の多さを気にしている'], situation: ['multiple-offers'] },
});

/**
 * The sample offer with its own offerId and addresses, so several journeys can run side by side in one local
 * system and each person's mail is told apart.
 */
export const scenarioOffer = (tag: string, overrides: Record<string, unknown> = {}) => {
  const offer = sampleOffer();
  const address = (email: string) => email.replace('@', `+${tag}@`);
  return {
    ...offer,
    offerId: `OFR-${tag}`,
    candidate: { ...offer.candidate, email: address(offer.candidate.email) },
    hr: { ...offer.hr, email: address(offer.hr.email) },
    manager: { ...offer.manager, email: address(offer.manager.email) },
    mentor: { ...offer.mentor, email: address(offer.mentor.email) },
    interviewers: offer.interviewers.map((interviewer) => ({
      ...interviewer,
      email: address(interviewer.email),
    })),
    ...overrides,
  };
};

/** A hire posted straight into onboarding, with its own hireId and addresses, like `scenarioOffer`. */
export const scenarioHire = (tag: string, startDate: string, overrides: Record<string, unknown> = {}) => ({
  phase: 'onboarding',
  hireId: `HIRE-${tag}`,
  employee: { name: '山田 花子', email: `hanako+${tag}@example.com` },
  hr: { name: '佐藤 綾', email: `aya.sato+${tag}@example.co.jp` },
  manager: { name: '鈴木 一郎', email: `ichiro.suzuki+${tag}@example.co.jp` },
  startDate,
  ...overrides,
});

/** A hire in Tokyo as the schedule sees one: only the start date matters to the dates it plans. */
export const tokyoHire = (startDate: string): Hire => {
  const person = { name: 'x', email: 'x@example.com', locale: 'ja' as const };
  return { employee: person, hr: person, manager: person, startDate, timezone: 'Asia/Tokyo' };
};
