import type { Hire } from '#shared/domain/hire.ts';
import type { Locale } from '#shared/domain/locale.ts';
import type { OnboardingSettings } from '#shared/domain/onboarding-settings-schema.ts';

/**
 * Who an alert mails. The HR lead decides who follows up; the HR contact is the one the extra session is sent
 * in the name of, so they hear of it too. `leadTold` says whether someone else, the lead, was told as well.
 */
export type AlertRecipient =
  | { audience: 'lead'; name?: string; email: string; locale: Locale }
  | { audience: 'contact'; name: string; email: string; locale: Locale; leadTold: boolean };

/** The deployment's HR lead, for journeys that name none (`hrLeadEmail`, `hrLeadName` context). */
export interface DeploymentLead {
  email?: string;
  name?: string;
}

/**
 * The journey's own HR lead, else the deployment's; each greeted by the name given with that address, if any.
 * A lead who is the HR contact gets one mail, as the contact.
 */
export const alertRecipients = (
  hire: Hire,
  settings: Pick<OnboardingSettings, 'hrLeadEmail' | 'hrLeadName'>,
  deployment: DeploymentLead,
): AlertRecipient[] => {
  const lead = settings.hrLeadEmail
    ? { email: settings.hrLeadEmail, name: settings.hrLeadName }
    : deployment.email
      ? { email: deployment.email, name: deployment.name }
      : undefined;
  const contact = { name: hire.hr.name, email: hire.hr.email, locale: hire.hr.locale };
  if (!lead || lead.email.toLowerCase() === contact.email.toLowerCase()) {
    return [{ audience: 'contact', ...contact, leadTold: false }];
  }
  return [
    { audience: 'lead', ...lead, locale: contact.locale },
    { audience: 'contact', ...contact, leadTold: true },
  ];
};
