import { getErasure } from '#shared/data/erasures.ts';
import { type FormRecord, getForm } from '#shared/data/forms.ts';
import { getJourney, type Journey } from '#shared/data/journeys.ts';
import { questionWords, templateOf } from '#shared/domain/journey-template.ts';
import { isWeather } from '#shared/domain/pulse.ts';
import { checkFormLink } from '#shared/links/form-links.ts';
import type { FormPageInput } from '#shared/pages/form-page.ts';
import type { NoticeKind } from '#shared/pages/notice-page.ts';

export type FormLinkTarget =
  | { ok: true; form: FormRecord; journey: Journey }
  | { ok: false; notice: NoticeKind; locale?: FormRecord['recipient']['locale'] };

/**
 * What an emailed link points at, or which notice to show instead. A link only ever reaches the form it was
 * signed for; whether that form can still be answered is decided by the form record, not by the link.
 */
export const formLinkTarget = async (token: string, at: Date): Promise<FormLinkTarget> => {
  const check = await checkFormLink(token, at);
  if (!check.ok && check.reason === 'invalid') return { ok: false, notice: 'invalid' };
  const { journeyId, formId } = check.ok ? check.claims : check.claims;
  const form = await getForm(journeyId, formId);
  // A genuine link whose journey was erased shows the page of a closed form: the form is gone on purpose.
  if (!form) return { ok: false, notice: (await getErasure(journeyId)) ? 'closed' : 'invalid' };
  const locale = form.recipient.locale;
  // HR had a fresh link sent: this older one neither shows nor records anything.
  if ((check.claims.gen ?? 0) !== (form.linkGeneration ?? 0))
    return { ok: false, notice: 'replaced', locale };
  // A submission whose execution was never told (it failed on the way, say SES refused its alert) is finished
  // by sending the form again: only one that went all the way through is answered for good.
  if (form.status === 'submitted' && form.resumedAt) return { ok: false, notice: 'already-used', locale };
  if (form.status === 'expired' || form.status === 'cancelled')
    return { ok: false, notice: 'closed', locale };
  if (!check.ok) return { ok: false, notice: 'expired', locale };
  const journey = await getJourney(journeyId);
  if (!journey) return { ok: false, notice: 'invalid' };
  return { ok: true, form, journey };
};

/**
 * The page for an answerable form: the same context whether it is shown first or again with errors. A pulse
 * check's link names the answer chosen in the mail (`?answer=`), which the page starts from; it is not signed,
 * since opening a link records nothing.
 */
export const formPageInput = (
  target: Extract<FormLinkTarget, { ok: true }>,
  action: string,
  chosen?: string,
): Pick<FormPageInput, 'form' | 'locale' | 'action' | 'context' | 'values' | 'questions'> => ({
  form: target.form.kind,
  questions: questionWords(templateOf(target.journey), target.form.kind, target.form.recipient.locale),
  values: target.form.kind === 'pulse' && isWeather(chosen) ? { answer: chosen } : target.form.prefill,
  locale: target.form.recipient.locale,
  action,
  context: {
    recipientName: target.form.recipient.name,
    candidateName: target.journey.hire.employee.name,
    deadline: target.form.deadline,
    zone: target.journey.hire.timezone,
    ask: target.form.ask,
    round: target.form.round,
    followUp: target.form.followUp,
    teamSummary: target.form.teamSummary,
  },
});
