import { type Journey, offerOf } from '#shared/data/journeys.ts';
import { OFFER_MEETING_MINUTES } from '#shared/domain/offer-schedule.ts';
import {
  offerMeetingTitle,
  renderCandidateInvitation,
} from '#shared/email/templates/candidate-invitation.ts';
import { sendInvitation } from '#shared/journeys/send-invitation.ts';

/** Invites the candidate to the offer meeting, from HR, with its calendar file. */
export const inviteCandidate = async (journey: Journey): Promise<void> => {
  const offer = offerOf(journey);
  await sendInvitation(journey, {
    meeting: 'offer-meeting',
    start: offer.offerMeetingAt,
    durationMinutes: OFFER_MEETING_MINUTES,
    ...(offer.location ? { location: offer.location } : {}),
    title: offerMeetingTitle(offer.candidate.locale, offer.hr.name),
    rendered: renderCandidateInvitation({
      locale: offer.candidate.locale,
      candidateName: offer.candidate.name,
      hrName: offer.hr.name,
      meetingAt: offer.offerMeetingAt,
      zone: offer.timezone,
      durationMinutes: OFFER_MEETING_MINUTES,
      location: offer.location,
    }),
    attendee: offer.candidate,
  });
};
