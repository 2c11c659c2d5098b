import { fieldErrors, formAnswerSchemas } from '#shared/domain/form-answers.ts';
import { readBody } from '#shared/http/api-handler.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { page, pageHandler } from '#shared/http/page-handler.ts';
import { formLinkTarget } from '#shared/journeys/form-link-target.ts';
import { recordAnswers } from '#shared/journeys/record-answers.ts';
import { logger } from '#shared/observability/logger.ts';
import { renderFormPage } from '#shared/pages/form-page.ts';
import { renderNoticePage } from '#shared/pages/notice-page.ts';
import { now } from '#shared/time/clock.ts';

export const handler = pageHandler(async (event) => {
  const at = now();
  const target = await formLinkTarget(event.pathParameters?.token ?? '', at);
  if (!target.ok) {
    const notice = renderNoticePage(target.notice, target.locale ?? 'ja');
    return page(notice.status, notice.html);
  }
  const { form, journey } = target;
  const locale = form.recipient.locale;

  let body: string;
  try {
    body = readBody(event);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const notice = renderNoticePage('too-large', locale);
    return page(notice.status, notice.html);
  }
  const values = Object.fromEntries(new URLSearchParams(body));
  const parsed = formAnswerSchemas[form.kind].safeParse(values);
  if (!parsed.success) {
    return page(
      400,
      renderFormPage({
        form: form.kind,
        locale,
        action: event.rawPath,
        context: {
          recipientName: form.recipient.name,
          candidateName: journey.offer.candidate.name,
          deadline: form.deadline,
          zone: journey.offer.timezone,
          ask: form.ask,
        },
        values,
        errors: fieldErrors(parsed.error),
      }),
    );
  }

  const result = await recordAnswers(journey, form, parsed.data as Record<string, string>, at);
  logger.info('form answered', { journeyId: journey.journeyId, formId: form.formId, result });
  const notice = renderNoticePage(
    result === 'resumed' ? 'thanks' : result === 'already-used' ? 'already-used' : 'closed',
    locale,
  );
  return page(notice.status, notice.html);
});
