import { bilingualText } from '#shared/console/bilingual.ts';
import type { ConsoleResult } from '#shared/console/console-result.ts';
import { fieldMessage } from '#shared/console/field-messages.ts';
import { refusalOf } from '#shared/console/refusal.ts';
import { journeyRequestFromForm } from '#shared/console/start-journey-form.ts';
import { startJourneyPageBody } from '#shared/console/start-journey-page.ts';
import type { ConsoleUser } from '#shared/domain/console-access.ts';
import { listTemplatesRequest } from '#shared/journeys/journey-templates-request.ts';
import { startJourneyRequest } from '#shared/journeys/start-journey-request.ts';
import { now } from '#shared/time/clock.ts';

export interface StartRouteContext {
  viewer: ConsoleUser;
  csrfToken: string;
}

const title = bilingualText('ジャーニーを開始', 'Start a journey');

const templateNames = async (): Promise<string[]> => (await listTemplatesRequest()).map(({ name }) => name);

export const showStartForm = async (context: StartRouteContext): Promise<ConsoleResult> => ({
  status: 200,
  title,
  body: startJourneyPageBody({ ...context, signedIn: context.viewer, templates: await templateNames() }),
});

/**
 * Starts the journey HR filled in, through the use case `POST /journeys` runs: the same checks, the same
 * messages. Sent twice, it finds the journey the first one started.
 */
export const startJourneyFromForm = async (
  context: StartRouteContext,
  form: URLSearchParams,
): Promise<ConsoleResult> => {
  try {
    const { journey } = await startJourneyRequest(journeyRequestFromForm(form), now());
    return { redirect: `/console/journeys/${journey.journeyId}?done=started` };
  } catch (error) {
    const { status, message, fields } = refusalOf(error);
    const errors = Object.keys(fields).length > 0 ? fields : undefined;
    return {
      status,
      title,
      body: startJourneyPageBody({
        ...context,
        signedIn: context.viewer,
        templates: await templateNames(),
        values: form,
        errors,
        problem: errors ? undefined : fieldMessage(message),
      }),
    };
  }
};
