import * as z from 'zod';
import { taskHandler } from '#shared/journeys/task-handler.ts';
import { rotateLinkKeyStep } from '#shared/links/key-rotation.ts';

/** Secrets Manager's rotation event. */
const payload = z
  .object({
    Step: z.enum(['createSecret', 'setSecret', 'testSecret', 'finishSecret']),
    SecretId: z.string().min(1),
    ClientRequestToken: z.string().min(1),
  })
  .transform(({ Step, SecretId, ClientRequestToken }) => ({
    step: Step,
    secretId: SecretId,
    token: ClientRequestToken,
  }));

export const handler = taskHandler(payload, rotateLinkKeyStep);
