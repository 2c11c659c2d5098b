import type { FormKind } from '#shared/domain/form-fields.ts';

/**
 * HR's private notes: the offer outcome form's `notes` and the session outcome form's `privateNotes`. They are
 * the most sensitive thing a journey holds, so they live apart from the form's other answers and are deleted
 * (DynamoDB TTL) a retention period after the journey ends.
 */
export const privateNotesFields: Partial<Record<FormKind, string>> = {
  'offer-outcome': 'notes',
  'session-outcome': 'privateNotes',
};

/** Twelve months after the journey ends, unless the deployment says otherwise. */
export const DEFAULT_PRIVATE_NOTES_RETENTION_DAYS = 365;

const DAY_SECONDS = 86_400;

/** Statuses a journey never leaves: its private notes start their retention period when it reaches one. */
export const endingStatuses = ['declined', 'lapsed', 'completed', 'cancelled', 'left'] as const;

export const hasEnded = (status: string): boolean => (endingStatuses as readonly string[]).includes(status);

/**
 * The retention period in whole days, as the deployment sets it (`PRIVATE_NOTES_RETENTION_DAYS`). Unset means
 * the default; anything but a positive whole number is a broken deployment and fails loudly rather than keeping
 * notes for a period nobody chose.
 */
export const privateNotesRetentionDays = (value = process.env.PRIVATE_NOTES_RETENTION_DAYS): number => {
  if (value === undefined || value.trim() === '') return DEFAULT_PRIVATE_NOTES_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `PRIVATE_NOTES_RETENTION_DAYS must be a whole number of days, at least 1, got "${value}"`,
    );
  }
  return days;
};

/**
 * When notes of a journey that ended at `endedAt` are deleted: DynamoDB TTL takes whole seconds since the epoch.
 * Days are counted as 24 hours from the moment the journey ended (TTL itself deletes within a few days after).
 */
export const notesExpireAt = (endedAt: Date, retentionDays: number): number =>
  Math.floor(endedAt.getTime() / 1000) + retentionDays * DAY_SECONDS;

/**
 * Splits a form's answers into what stays in the form record and HR's private notes, which are stored on their
 * own. Empty notes are no notes: nothing private is stored for them.
 */
export const splitPrivateNotes = (
  kind: FormKind,
  answers: Record<string, string>,
): { answers: Record<string, string>; notes?: { field: string; text: string } } => {
  const field = privateNotesFields[kind];
  if (!field || !(field in answers)) return { answers };
  const { [field]: text = '', ...rest } = answers;
  return text === '' ? { answers: rest } : { answers: rest, notes: { field, text } };
};
