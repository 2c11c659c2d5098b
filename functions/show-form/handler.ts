import { noticePage, page, pageHandler } from '#shared/http/page-handler.ts';
import { formLinkTarget, formPageInput } from '#shared/journeys/form-link-target.ts';
import { renderFormPage } from '#shared/pages/form-page.ts';
import { now } from '#shared/time/clock.ts';

/** Shows the form and changes nothing: mail scanners open links before people do. */
export const handler = pageHandler(async (event) => {
  const target = await formLinkTarget(event.pathParameters?.token ?? '', now());
  if (!target.ok) return noticePage(target.notice, target.locale ?? 'ja');
  return page(200, renderFormPage(formPageInput(target, event.rawPath, event.queryStringParameters?.answer)));
});
