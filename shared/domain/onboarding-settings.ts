import type { JourneyTemplateCopy } from '#shared/domain/journey-template.ts';
import type { OnboardingSettings } from '#shared/domain/onboarding-settings-schema.ts';

/**
 * Whether a round's HR session is offered as a three-party meeting: only from the round HR chose, and never in
 * round 1 unless the template says otherwise: by default the manager and HR must not face the new hire together
 * in month 1.
 */
export const offersThreeParty = (
  settings: OnboardingSettings,
  template: Pick<JourneyTemplateCopy, 'firstRoundHrOnly'>,
  round: number,
): boolean =>
  (round > 1 || !template.firstRoundHrOnly) &&
  settings.threePartyFromRound !== undefined &&
  round >= settings.threePartyFromRound;

/**
 * Whether the new hire confirms a team summary before the team sees it: on unless HR turned it off (journeys
 * saved before the setting existed have none, and confirm).
 */
export const hireConfirmsSummary = (settings: Partial<OnboardingSettings>): boolean =>
  settings.hireConfirmsSummary !== false;
