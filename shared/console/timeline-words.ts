import { bilingual } from '#shared/console/bilingual.ts';
import type { TimelineEvent, TimelineEventType } from '#shared/data/timeline.ts';
import type { DepartureReason } from '#shared/domain/departure.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';

/** Each timeline event as HR reads it in the console: what happened, in a few words. */
const words: Record<TimelineEventType, Record<Locale, string>> = {
  'journey.started': { ja: 'ジャーニーを開始', en: 'Journey started' },
  'prep.requested': { ja: '事前アンケートを依頼', en: 'Prep form sent' },
  'prep.reminded': { ja: '事前アンケートのリマインド', en: 'Prep form reminder sent' },
  'prep.submitted': { ja: '事前アンケートの回答', en: 'Prep form answered' },
  'prep.expired': { ja: '事前アンケートが未回答のまま締切', en: 'Prep form closed unanswered' },
  'topics.submitted': { ja: '本人から話したいことが届いた', en: 'The new hire sent topics' },
  'pulse.requested': { ja: 'パルスチェックを送付', en: 'Pulse check sent' },
  'pulse.reminded': { ja: 'パルスチェックのリマインド', en: 'Pulse check reminder sent' },
  'pulse.answered': { ja: 'パルスチェックの回答', en: 'Pulse check answered' },
  'pulse.expired': { ja: 'パルスチェックが未回答のまま締切', en: 'Pulse check closed unanswered' },
  'brief.sent': { ja: '人事へブリーフを送付', en: 'Brief sent to HR' },
  'invitation.sent': { ja: '招待状を送付', en: 'Invitation sent' },
  'invitation.updated': { ja: '招待状を更新', en: 'Invitation updated' },
  'invitation.cancelled': { ja: '招待状を取り消し', en: 'Invitation withdrawn' },
  'outcome.requested': { ja: '面談結果の記録を依頼', en: 'Outcome form sent to HR' },
  'outcome.recorded': { ja: '面談結果を記録', en: 'Outcome recorded' },
  'outcome.expired': { ja: '面談結果が期限までに未記録', en: 'Outcome not recorded by its deadline' },
  'form.reissued': { ja: 'フォームのリンクを再送', en: 'Form link sent again' },
  'offer.accepted': { ja: '内定承諾', en: 'Offer accepted' },
  'offer.declined': { ja: '内定辞退', en: 'Offer declined' },
  'offer.lapsed': { ja: '回答期限を過ぎた', en: 'Offer lapsed' },
  'handoff.sent': { ja: '受け入れチームへ引き継ぎ', en: 'Handed over to the team' },
  'onboarding.scheduled': { ja: '入社後フォローを予定', en: 'Onboarding scheduled' },
  'onboarding.started': { ja: '入社後フォローを開始', en: 'Onboarding started' },
  'round.started': { ja: 'フォローアップ回を開始', en: 'Round started' },
  'onboarding.checks-continue': {
    ja: '面談はすべて終了、パルスチェックは継続',
    en: 'Last 1on1 done; pulse checks go on',
  },
  'team-session.reminded': { ja: 'チームへ面談のリマインド', en: 'Team reminded of the session' },
  'summary.requested': {
    ja: 'チーム共有の内容を本人に確認依頼',
    en: 'New hire asked to confirm the summary',
  },
  'summary.confirmed': { ja: '本人が共有を了承', en: 'New hire agreed to share the summary' },
  'summary.declined': { ja: '本人が共有を見送り', en: 'New hire kept the summary back' },
  'summary.expired': { ja: '共有の確認が期限切れ', en: 'Summary confirmation expired' },
  'summary.shared': { ja: 'チームへ要約を共有', en: 'Summary shared with the team' },
  'alert.raised': { ja: 'アラート', en: 'Alert raised' },
  'alert.handled': { ja: 'アラートに対応済み', en: 'Alert handled' },
  'journey.summarized': { ja: 'ジャーニーのまとめを送付', en: 'Journey summary sent' },
  'journey.rescheduled': { ja: '日程・場所を変更', en: 'Dates or places changed' },
  'journey.cancelled': { ja: 'ジャーニーを中止', en: 'Journey cancelled' },
  'journey.left': { ja: '退職を記録', en: 'Departure recorded' },
  'journey.needs-attention': { ja: '要対応になった', en: 'Needs attention' },
  'journey.completed': { ja: 'ジャーニーが終了', en: 'Journey ended' },
  'mail.bounced': { ja: 'メールが届かなかった', en: 'Mail could not be delivered' },
};

/** A departure's reason category as the console names it. */
export const departureReasonWords: Record<DepartureReason, Record<Locale, string>> = {
  voluntary: { ja: '自己都合', en: 'voluntary' },
  company: { ja: '会社都合', en: 'company-initiated' },
  'contract-end': { ja: '契約満了', en: 'end of contract' },
  other: { ja: 'その他', en: 'other' },
};

const roleWords: Record<string, Record<Locale, string>> = {
  interviewer: { ja: '面接官', en: 'interviewer' },
  hr: { ja: '人事', en: 'HR' },
  manager: { ja: '上司', en: 'manager' },
  mentor: { ja: 'メンター', en: 'mentor' },
  employee: { ja: '本人', en: 'new hire' },
};

/** A round as the console names it, in both languages. */
export const roundLabel = (round: number): string => `第${round}回 Round ${round}`;

export const roleLabel = (role: string): SafeHtml => {
  const words = roleWords[role];
  return words ? bilingual(words.ja, words.en) : html`${role}`;
};

/**
 * One line of the timeline, Japanese then English: the event, its round and who it concerned. Free text never
 * appears here but the reason HR gave for a cancellation, which is HR's own words.
 */
export const timelineLine = (event: TimelineEvent): SafeHtml => {
  const line = (
    locale: Locale,
    round: (n: number) => string,
    open: string,
    separator: string,
    close: string,
  ) => {
    const details: string[] = [];
    if (typeof event.round === 'number') details.push(round(event.round));
    const role = typeof event.role === 'string' ? roleWords[event.role] : undefined;
    if (role) details.push(role[locale]);
    if (event.type === 'journey.cancelled' && typeof event.reason === 'string') details.push(event.reason);
    if (event.type === 'journey.left') {
      if (typeof event.on === 'string') details.push(event.on);
      const reason = departureReasonWords[event.reason as DepartureReason];
      if (reason) details.push(reason[locale]);
    }
    const what = words[event.type]?.[locale] ?? event.type;
    return details.length > 0 ? `${what}${open}${details.join(separator)}${close}` : what;
  };
  return bilingual(
    line('ja', (n) => `第${n}回`, '（', '・', '）'),
    line('en', (n) => `round ${n}`, ' (', ', ', ')'),
  );
};
