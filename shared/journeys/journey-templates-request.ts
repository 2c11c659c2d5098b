import { getTemplate, listTemplates, saveTemplate } from '#shared/data/journey-templates.ts';
import {
  DEFAULT_TEMPLATE_NAME,
  defaultTemplate,
  type JourneyTemplate,
  templateNameSchema,
} from '#shared/domain/journey-template.ts';
import { journeyTemplateSchema } from '#shared/domain/journey-template-schema.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings-schema.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest, HttpError } from '#shared/http/http-error.ts';

/** The built-in default as GET shows it: today's journey, three monthly 1on1s. */
const builtInDefault = (): JourneyTemplate => defaultTemplate(onboardingSettingsSchema.parse(undefined));

/** The templates HR can name when starting a journey: the built-in default first, then those saved, by name. */
export const listTemplatesRequest = async (): Promise<
  { name: string; version: number; updatedAt: string | null }[]
> => {
  const saved = (await listTemplates()).sort((one, two) => one.name.localeCompare(two.name));
  return [builtInDefault(), ...saved].map(({ name, version, updatedAt }) => ({
    name,
    version,
    updatedAt: updatedAt ?? null,
  }));
};

/** The newest version of a template, or the built-in default; what a journey started now would run on. */
const findTemplate = async (name: string): Promise<JourneyTemplate | undefined> =>
  name === DEFAULT_TEMPLATE_NAME ? builtInDefault() : getTemplate(name);

export const getTemplateRequest = async (name: string): Promise<JourneyTemplate> => {
  const template = templateNameSchema.safeParse(name).success ? await findTemplate(name) : undefined;
  if (!template) throw new HttpError(404, { message: 'No template of this name.' });
  return template;
};

/**
 * Saves a template as HR sent it (`PUT /settings/templates/{name}`): a 400 with a message per field before
 * anything is saved, the same body again answered with the version it already has. The default is built in:
 * it is today's journey, which the request's own `onboarding` settings shape.
 */
export const saveTemplateRequest = async (
  name: string,
  body: unknown,
  at: Date,
): Promise<JourneyTemplate> => {
  const validName = templateNameSchema.safeParse(name);
  const parsed = journeyTemplateSchema.safeParse(body);
  const errors = {
    ...(validName.success ? {} : { name: validName.error.issues[0]?.message ?? 'invalid' }),
    ...(name === DEFAULT_TEMPLATE_NAME
      ? { name: 'the default template is built in: save yours under a name of its own' }
      : {}),
    ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
  };
  if (Object.keys(errors).length > 0 || !parsed.success) throw badRequest(errors);
  return saveTemplate(name, parsed.data, at);
};
