import { isJourneyId } from '#shared/domain/ids.ts';

/** The index HR's attention queue reads: partition `attentionQueue`, sort key `attentionSk`, oldest first. */
export const ATTENTION_INDEX = 'OpenAttention';
/** The one partition of that index: only open items carry it. */
export const OPEN_QUEUE = 'OPEN';

/** What HR must act on. */
export const attentionKinds = [
  'alert',
  'needs-attention',
  'outcome-overdue',
  'prep-unanswered',
  'mail-bounced',
] as const;
export type AttentionKind = (typeof attentionKinds)[number];

/**
 * An alert's id in URLs and events, from the key it is raised with (`r1#manager-worried`,
 * `r2#pulse#f-…`): the same alert always gets the same id, and it needs no escaping.
 */
export const alertIdFor = (alertKey: string): string => alertKey.replaceAll('#', '-');

/** Whether a string has the shape `alertIdFor` gives: anything else names no alert. */
export const isAlertId = (value: string): boolean => /^r\d{1,2}-[a-z0-9-]{1,60}$/.test(value);

export const attentionItemIds = {
  alert: (alertId: string) => `alert-${alertId}`,
  needsAttention: () => 'needs-attention',
  outcomeOverdue: (formId: string) => `outcome-overdue-${formId}`,
  prepUnanswered: (formId: string) => `prep-unanswered-${formId}`,
  /** `role` as the timeline names it: `manager`, `interviewer-0`, … */
  mailBounced: (role: string) => `mail-bounced-${role}`,
};

/** `<since>#<journeyId>#<itemId>`: oldest first, unique, and the only thing a queue cursor may carry. */
export const attentionSortKey = (since: string, journeyId: string, itemId: string): string =>
  `${since}#${journeyId}#${itemId}`;

export const isAttentionSortKey = (value: string): boolean => {
  const [since = '', journeyId = '', itemId = '', ...rest] = value.split('#');
  return (
    rest.length === 0 &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(since) &&
    isJourneyId(journeyId) &&
    /^[a-z0-9-]{1,80}$/.test(itemId)
  );
};

/**
 * One entry of the queue, as HR's systems and the console get it: who, which journey, since when, and for an
 * alert where it came from. Names and ids only: never free text, comments or notes.
 */
export interface AttentionItem {
  itemId: string;
  kind: AttentionKind;
  journeyId: string;
  person: { name: string };
  hr: { name: string; email: string };
  since: string;
  round?: number;
  /** For a prep form: whose (`interviewer`, `manager`, `mentor`). */
  role?: string;
  /** For an alert. */
  alertId?: string;
  source?: string;
  reason?: string;
  /** A pulse alert's cause: `stormy`, `below-usual`, `falling`. */
  cause?: string;
}

/**
 * When an item leaves the queue on its own, besides an alert being handled and an erasure (which deletes it):
 * as the journey ends, everything but an alert goes (there is nothing left to chase), and a cancellation takes
 * everything; an alert outlives completion, since the person it is about still needs a follow-up.
 */
export const leavesAsJourneyEnds = (kind: AttentionKind, how: 'ended' | 'cancelled'): boolean =>
  how === 'cancelled' || kind !== 'alert';
