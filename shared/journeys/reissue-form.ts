import { getForm, renewFormLink } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { reissuedLinkExpiry } from '#shared/domain/form-link-expiry.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { formRequestEmail } from '#shared/journeys/form-request-email.ts';
import { createFormLink } from '#shared/links/form-links.ts';
import { now } from '#shared/time/clock.ts';

export type ReissueResult =
  | { ok: true }
  | { ok: false; status: 404 }
  | { ok: false; status: 409; reason: 'not-open' | 'not-mailed' };

/**
 * Mails the recipient of an open form a fresh link, and the links sent before stop working: the form record
 * keeps the link generation every link carries. Each call is a new request from HR and mails a new link; a
 * call retried after a failure mails the link of its own generation at most once.
 */
export const reissueForm = async (journey: Journey, formId: string): Promise<ReissueResult> => {
  const { journeyId } = journey;
  const form = await getForm(journeyId, formId);
  if (!form) return { ok: false, status: 404 };
  // The new hire's topics form has no mail of its own: its link is in the 1on1 invitation.
  if (form.kind === 'session-topics') return { ok: false, status: 409, reason: 'not-mailed' };
  if (form.status !== 'open') return { ok: false, status: 409, reason: 'not-open' };
  const renewed = await renewFormLink(journeyId, formId, reissuedLinkExpiry(form, now()));
  if (!renewed) return { ok: false, status: 409, reason: 'not-open' };

  const generation = renewed.linkGeneration ?? 0;
  const formUrl = await createFormLink({
    journeyId,
    formId,
    expiresAt: new Date(renewed.linkExpiresAt),
    generation,
  });
  await sendEmailOnce(
    journeyId,
    `form.reissued#${formId}#${generation}`,
    formRequestEmail(journey, { ...renewed, kind: form.kind }, formUrl),
  );
  await appendEvent(journeyId, `form.reissued#${formId}#${generation}`, { type: 'form.reissued', formId });
  return { ok: true };
};
