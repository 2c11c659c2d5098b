import { page, pageHandler } from '#shared/http/page-handler.ts';
import { formLinkTarget } from '#shared/journeys/form-link-target.ts';
import { renderFormPage } from '#shared/pages/form-page.ts';
import { renderNoticePage } from '#shared/pages/notice-page.ts';
import { now } from '#shared/time/clock.ts';

/** Shows the form and changes nothing: mail scanners open links before people do. */
export const handler = pageHandler(async (event) => {
  const target = await formLinkTarget(event.pathParameters?.token ?? '', now());
  if (!target.ok) {
    const notice = renderNoticePage(target.notice, target.locale ?? 'ja');
    return page(notice.status, notice.html);
  }
  const { form, journey } = target;
  return page(
    200,
    renderFormPage({
      form: form.kind,
      locale: form.recipient.locale,
      action: event.rawPath,
      context: {
        recipientName: form.recipient.name,
        candidateName: journey.offer.candidate.name,
        deadline: form.deadline,
        zone: journey.offer.timezone,
        ask: form.ask,
      },
    }),
  );
});
