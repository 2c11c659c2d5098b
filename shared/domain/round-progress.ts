import type { FormRecord } from '#shared/data/forms.ts';
import type { InvitationRecord } from '#shared/data/invitations.ts';
import type { Condition } from '#shared/domain/form-fields.ts';
import type { RoundPlan } from '#shared/domain/onboarding-schedule.ts';
import type { AlertReason } from '#shared/email/templates/alert.ts';

export interface RoundProgress {
  round: number;
  startsAt: string;
  sessionAt: string;
  /** `not-recorded`: HR's outcome form passed its deadline and the round went on without it. */
  status: 'scheduled' | 'in-progress' | 'done' | 'not-recorded';
  condition?: Condition;
  /** Where the new hire's confirmation of a consented team summary stands, when they were asked. */
  summaryConfirmation?: SummaryConfirmationStatus;
}

export type SummaryConfirmationStatus = 'waiting' | 'confirmed' | 'declined' | 'expired';

const confirmationStatus = (form: FormRecord | undefined): SummaryConfirmationStatus | undefined => {
  if (!form) return undefined;
  if (form.status === 'submitted') return form.answers?.share === 'yes' ? 'confirmed' : 'declined';
  if (form.status === 'expired') return 'expired';
  return form.status === 'open' ? 'waiting' : undefined;
};

/** Where each onboarding round stands, read from its plan and its forms (not its extra session's). */
export const roundProgress = (plan: RoundPlan[], forms: FormRecord[]): RoundProgress[] =>
  plan.map((round) => {
    const ofRound = forms.filter((form) => form.round === round.round && !form.followUp);
    const outcomeForm = ofRound.find((form) => form.kind === 'session-outcome');
    const outcome = outcomeForm?.status === 'submitted' ? outcomeForm : undefined;
    const condition = outcome?.answers?.condition as Condition | undefined;
    const summaryConfirmation = confirmationStatus(
      outcome &&
        ofRound.find((form) => form.kind === 'summary-confirmation' && form.outcomeFormId === outcome.formId),
    );
    return {
      round: round.round,
      startsAt: round.startsAt,
      sessionAt: round.sessionAt,
      ...(round.location ? { location: round.location } : {}),
      status: outcome
        ? 'done'
        : outcomeForm?.status === 'expired'
          ? 'not-recorded'
          : ofRound.length > 0
            ? 'in-progress'
            : 'scheduled',
      ...(condition ? { condition } : {}),
      ...(summaryConfirmation ? { summaryConfirmation } : {}),
    };
  });

/**
 * The planned round that comes after `after` (the first planned round when absent), or none after the last. The
 * plan may leave rounds out, so the next is the next planned, not `after + 1`.
 */
export const nextPlannedRound = (plan: RoundPlan[], after?: number): RoundPlan | undefined =>
  plan.filter((round) => after === undefined || round.round > after).sort((a, b) => a.round - b.round)[0];

export interface FollowUpProgress {
  /** The round whose alert proposed it. */
  round: number;
  sessionAt: string;
  /** The alert that proposed it. */
  reason: AlertReason;
  /** `cancelled`: the journey was cancelled before its outcome was recorded. */
  status: 'scheduled' | 'in-progress' | 'done' | 'not-recorded' | 'cancelled';
  condition?: Condition;
  summaryConfirmation?: SummaryConfirmationStatus;
}

/** The alert that proposed an extra session, from the key it left on the invitation (`r<round>#<reason>`). */
export const proposingReason = (proposedBy: string | undefined): AlertReason =>
  (proposedBy?.split('#')[1] ?? 'condition-alert') as AlertReason;

/** Where each round's extra follow-up session stands, read from its invitation and its outcome form. */
export const followUpProgress = (invitations: InvitationRecord[], forms: FormRecord[]): FollowUpProgress[] =>
  invitations
    .flatMap((invitation) => {
      const round = Number(/^follow-up-r(\d+)$/.exec(invitation.meeting)?.[1]);
      return Number.isInteger(round) ? [{ invitation, round }] : [];
    })
    .sort((a, b) => a.round - b.round)
    .map(({ invitation, round }) => {
      const outcome = forms.find(
        (form) => form.kind === 'session-outcome' && form.followUp && form.round === round,
      );
      const condition =
        outcome?.status === 'submitted' ? (outcome.answers?.condition as Condition | undefined) : undefined;
      const status: FollowUpProgress['status'] =
        outcome?.status === 'submitted'
          ? 'done'
          : outcome?.status === 'expired'
            ? 'not-recorded'
            : outcome?.status === 'cancelled' || invitation.status === 'cancelled'
              ? 'cancelled'
              : outcome
                ? 'in-progress'
                : 'scheduled';
      const summaryConfirmation = confirmationStatus(
        outcome?.status === 'submitted'
          ? forms.find(
              (form) => form.kind === 'summary-confirmation' && form.outcomeFormId === outcome.formId,
            )
          : undefined,
      );
      return {
        round,
        sessionAt: invitation.start,
        reason: proposingReason(invitation.proposedBy),
        status,
        ...(condition ? { condition } : {}),
        ...(summaryConfirmation ? { summaryConfirmation } : {}),
      };
    });
