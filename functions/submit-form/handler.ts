import type { FormRecord } from '#shared/data/forms.ts';
import { fieldErrors, formAnswerSchemas, type PulseAnswers } from '#shared/domain/form-answers.ts';
import { FORM_BODY_MAX_BYTES } from '#shared/domain/form-fields.ts';
import { readBody } from '#shared/http/api-handler.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { noticePage, page, pageHandler } from '#shared/http/page-handler.ts';
import { formLinkTarget, formPageInput } from '#shared/journeys/form-link-target.ts';
import { recordAnswers } from '#shared/journeys/record-answers.ts';
import { logger } from '#shared/observability/logger.ts';
import type { NoticeKind } from '#shared/pages/notice-page.ts';
import { now } from '#shared/time/clock.ts';

export const handler = pageHandler(async (event) => {
  const at = now();
  const target = await formLinkTarget(event.pathParameters?.token ?? '', at);
  if (!target.ok) return noticePage(target.notice, target.locale ?? 'ja');
  const { form, journey } = target;
  const locale = form.recipient.locale;

  let body: string;
  try {
    body = readBody(event, FORM_BODY_MAX_BYTES);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return noticePage('too-large', locale);
  }
  const values = Object.fromEntries(new URLSearchParams(body));
  const parsed = formAnswerSchemas[form.kind].safeParse(values);
  // The form page again (answers to fix) and a pulse check's path are imported when first taken: most answers
  // are valid, and most forms are not pulse checks.
  if (!parsed.success) {
    const { renderFormPage } = await import('#shared/pages/form-page.ts');
    return page(
      400,
      renderFormPage({ ...formPageInput(target, event.rawPath), values, errors: fieldErrors(parsed.error) }),
    );
  }

  if (form.kind === 'pulse') {
    const [{ recordPulseAnswer }, { pulseResultPage }] = await Promise.all([
      import('#shared/journeys/record-pulse.ts'),
      import('#shared/journeys/pulse-result.ts'),
    ]);
    const answers = parsed.data as PulseAnswers;
    const result = await recordPulseAnswer(journey, form, answers, at);
    logger.info('pulse answered', { journeyId: journey.journeyId, formId: form.formId, result });
    if (result !== 'recorded') return noticePage(result, locale);
    return page(200, await pulseResultPage(journey, answers.answer));
  }
  const answers = parsed.data as Record<string, string>;
  const result = await recordAnswers(journey, form, answers, at);
  logger.info('form answered', { journeyId: journey.journeyId, formId: form.formId, result });
  return noticePage(
    result === 'resumed' ? thanksFor(form, answers) : result === 'already-used' ? 'already-used' : 'closed',
    locale,
  );
});

/** The new hire deciding on a team summary is told what now happens to it; everyone else is thanked. */
const thanksFor = (form: FormRecord, answers: Record<string, string>): NoticeKind => {
  if (form.kind !== 'summary-confirmation') return 'thanks';
  if (answers.share === 'yes') return 'summary-shared';
  // After an extra follow-up session the team is not told of the session either.
  return form.followUp ? 'follow-up-summary-kept' : 'summary-kept';
};
