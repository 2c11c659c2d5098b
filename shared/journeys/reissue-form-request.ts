import { isFormId } from '#shared/domain/ids.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { journeyOfRequest } from '#shared/http/missing-journey.ts';
import { type ReissueResult, reissueForm } from '#shared/journeys/reissue-form.ts';

/** Mails an open form again with a fresh link, as HR asked over the API or in the console. */
export const reissueFormRequest = async (journeyId: string, formId: string): Promise<void> => {
  const journey = await journeyOfRequest(journeyId);
  const result: ReissueResult = isFormId(formId)
    ? await reissueForm(journey, formId)
    : { ok: false, status: 404 };
  if (result.ok) return;
  throw new HttpError(
    result.status,
    result.status === 404
      ? { message: 'No form with this id in this journey.' }
      : result.reason === 'not-mailed'
        ? { message: "This form has no mail of its own: its link is in the new hire's 1on1 invitation." }
        : { message: 'This form is no longer open: it was answered, expired or closed.' },
  );
};
