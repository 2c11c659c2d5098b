import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keepUnlessErased } from '#shared/data/erasures.ts';
import {
  documents,
  isConditionFailure,
  journeyPk,
  queryJourneyPartition,
  tableName,
  wasWritten,
} from '#shared/data/table.ts';
import type { FormKind } from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';

export type FormStatus = 'open' | 'submitted' | 'expired' | 'cancelled';

export interface FormRecipient {
  role: 'interviewer' | 'hr' | 'manager' | 'mentor' | 'employee';
  name: string;
  email: string;
  locale: Locale;
}

export interface FormRecord {
  journeyId: string;
  formId: string;
  kind: FormKind;
  recipient: FormRecipient;
  status: FormStatus;
  /**
   * The execution waiting for this form; never leaves the table (not in links, pages or logs). None for a form
   * nothing waits on (the new hire's topics): its answers are only saved.
   */
  taskToken?: string;
  /**
   * The forms one waiting task gathers, this one among them (a round's manager and mentor, an offer's
   * interviewers): the task goes on when every one of them is answered or expired. None for a form its task
   * waits on alone.
   */
  group?: string[];
  createdAt: string;
  linkExpiresAt: string;
  deadline?: string;
  interviewerIndex?: number;
  /** The onboarding round the form belongs to. */
  round?: number;
  /** A session outcome of the round's extra follow-up session, not of the round's own 1on1. */
  followUp?: boolean;
  /** The pulse check a `pulse` form is; 1 is the first. */
  check?: number;
  ask?: number;
  /** The outcome form whose team summary the new hire is asked to confirm (a summary confirmation). */
  outcomeFormId?: string;
  /** The exact team summary a summary confirmation shows the new hire, and the only text a yes shares. */
  teamSummary?: string;
  /** What the form starts from: the remaining concerns an earlier undecided outcome recorded. */
  prefill?: Record<string, string>;
  /** Every answer except HR's private notes, which live in their own item (`shared/data/private-notes.ts`). */
  answers?: Record<string, string>;
  /** Whether the submission that counts came with private notes: a retry finishing it knows whether to look. */
  hasPrivateNotes?: boolean;
  submittedAt?: string;
  /** Set once the waiting execution was told; a submission without it has not been passed on yet. */
  resumedAt?: string;
  /** How often HR had the link sent afresh: only a link of this generation opens the form (absent: 0). */
  linkGeneration?: number;
}

const formKey = (journeyId: string, formId: string) => ({ pk: journeyPk(journeyId), sk: `FORM#${formId}` });

const strip = (item: Record<string, unknown>): FormRecord => {
  const { pk: _pk, sk: _sk, type: _type, ...form } = item;
  return form as unknown as FormRecord;
};

/**
 * Opens a form for a waiting task. A retried task opens the same form again with a fresh task token: the
 * newest token is the one the execution waits on, so it replaces the old one while the form is still open.
 */
export const openForm = async (form: FormRecord): Promise<FormRecord> => {
  const opened = await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...formKey(form.journeyId, form.formId), type: 'form', ...form },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  if (opened) {
    await keepUnlessErased(form.journeyId, formKey(form.journeyId, form.formId));
    return form;
  }
  // Nothing waits on it: a retry finds the form as it is, answered or not.
  if (form.taskToken === undefined) return (await getForm(form.journeyId, form.formId)) ?? form;
  try {
    const updated = await documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: formKey(form.journeyId, form.formId),
        UpdateExpression: 'SET taskToken = :token',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':token': form.taskToken, ':open': 'open' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip(updated.Attributes ?? {});
  } catch (error) {
    // Answered or expired since the attempt before: the caller resumes the task with that.
    if (!isConditionFailure(error)) throw error;
    return (await getForm(form.journeyId, form.formId)) ?? form;
  }
};

export const getForm = async (journeyId: string, formId: string): Promise<FormRecord | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: formKey(journeyId, formId), ConsistentRead: true }),
  );
  return result.Item ? strip(result.Item) : undefined;
};

/**
 * Whether every one of these forms exists and is no longer open, read consistently: after the caller's own
 * write, it sees every write before it.
 */
export const formsSettled = async (journeyId: string, formIds: string[]): Promise<boolean> => {
  const forms = await Promise.all(formIds.map((formId) => getForm(journeyId, formId)));
  return forms.every((form) => form !== undefined && form.status !== 'open');
};

/**
 * Moves an open form to a final status, exactly once. Returns the updated form, or undefined when someone
 * (a second submission, the deadline) got there first.
 */
const closeForm = async (
  journeyId: string,
  formId: string,
  status: Exclude<FormStatus, 'open'>,
  fields: Record<string, unknown>,
): Promise<FormRecord | undefined> => {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':open': 'open', ':final': status };
  const sets = ['#status = :final'];
  for (const [field, value] of Object.entries(fields)) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  try {
    const result = await documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: formKey(journeyId, formId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip(result.Attributes ?? {});
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
};

export const submitForm = (
  journeyId: string,
  formId: string,
  answers: Record<string, string>,
  at: Date,
  hasPrivateNotes = false,
) => closeForm(journeyId, formId, 'submitted', { answers, hasPrivateNotes, submittedAt: at.toISOString() });

export const expireForm = (journeyId: string, formId: string, at: Date) =>
  closeForm(journeyId, formId, 'expired', { expiredAt: at.toISOString() });

export const cancelForm = (journeyId: string, formId: string, at: Date) =>
  closeForm(journeyId, formId, 'cancelled', { cancelledAt: at.toISOString() });

/** A prep form whose meeting moved keeps its link; only its deadline follows the meeting. */
export const moveFormDeadline = async (
  journeyId: string,
  formId: string,
  deadline: string,
): Promise<void> => {
  await wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: formKey(journeyId, formId),
        UpdateExpression: 'SET deadline = :deadline',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':deadline': deadline, ':open': 'open' },
      }),
    ),
  );
};

/**
 * A new link generation for an open form, and the expiry of its links: the links sent before stop working.
 * Undefined when the form is no longer open.
 */
export const renewFormLink = async (
  journeyId: string,
  formId: string,
  linkExpiresAt: Date,
): Promise<FormRecord | undefined> => {
  try {
    const result = await documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: formKey(journeyId, formId),
        UpdateExpression:
          'SET linkGeneration = if_not_exists(linkGeneration, :zero) + :one, linkExpiresAt = :expires',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':zero': 0,
          ':one': 1,
          ':expires': linkExpiresAt.toISOString(),
          ':open': 'open',
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip(result.Attributes ?? {});
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
};

/** Never brings back a form that went with its journey meanwhile. */
export const markResumed = async (journeyId: string, formId: string, at: Date): Promise<void> => {
  await wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: formKey(journeyId, formId),
        UpdateExpression: 'SET resumedAt = if_not_exists(resumedAt, :at)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    ),
  );
};

export const listForms = async (journeyId: string): Promise<FormRecord[]> =>
  (await queryJourneyPartition(journeyId, { prefix: 'FORM#' })).map(strip);
