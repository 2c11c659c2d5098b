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
