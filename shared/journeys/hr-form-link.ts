import { getForm } from '#shared/data/forms.ts';
import { type ConsoleUser, mayReadPrivateNotes } from '#shared/domain/console-access.ts';
import { isFormId } from '#shared/domain/ids.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { journeyOfRequest } from '#shared/http/missing-journey.ts';
import { createFormLink } from '#shared/links/form-links.ts';

/**
 * The link of an HR outcome form still open, the same one its mail carries, for HR to record the outcome from the
 * console on the very page and with the very checks of the mailed form. Only the journey's HR contact and HR leads
 * record outcomes: the form takes private notes, which no one else may read back.
 */
export const hrFormLink = async (journeyId: string, formId: string, viewer: ConsoleUser): Promise<string> => {
  const journey = await journeyOfRequest(journeyId);
  const form = isFormId(formId) ? await getForm(journeyId, formId) : undefined;
  if (form?.recipient.role !== 'hr') {
    throw new HttpError(404, { message: 'No HR form with this id in this journey.' });
  }
  if (!mayReadPrivateNotes(viewer, journey.hire.hr)) {
    throw new HttpError(403, {
      message: "Only the journey's HR contact or an HR lead records its outcomes.",
    });
  }
  if (form.status !== 'open') {
    throw new HttpError(409, { message: 'This form is no longer open: it was answered, expired or closed.' });
  }
  return createFormLink({
    journeyId,
    formId,
    expiresAt: new Date(form.linkExpiresAt),
    generation: form.linkGeneration,
  });
};
