import { type LinkCheck, signFormLink, verifyFormLink } from '#shared/links/sign.ts';
import { signingKeys } from '#shared/links/signing-keys.ts';

const baseUrl = (): string => {
  const base = process.env.BASE_URL;
  if (!base) throw new Error('BASE_URL is not set');
  return base.replace(/\/$/, '');
};

/** `generation` is the form's link generation (`linkGeneration`); the first link, generation 0, carries none. */
export const createFormLink = async (form: {
  journeyId: string;
  formId: string;
  expiresAt: Date;
  generation?: number;
}) => {
  const [key] = await signingKeys();
  if (!key) throw new Error('no link signing key');
  const token = signFormLink(
    {
      journeyId: form.journeyId,
      formId: form.formId,
      exp: Math.floor(form.expiresAt.getTime() / 1000),
      ...(form.generation ? { gen: form.generation } : {}),
    },
    key,
  );
  return `${baseUrl()}/forms/${token}`;
};

export const checkFormLink = async (token: string, now: Date): Promise<LinkCheck> =>
  verifyFormLink(token, await signingKeys(), now);
