import { buildMeetingInvite } from '#shared/calendar/meeting-invite.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { OFFER_MEETING_MINUTES } from '#shared/domain/offer-schedule.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import {
  offerMeetingTitle,
  renderCandidateInvitation,
} from '#shared/email/templates/candidate-invitation.ts';

/** The calendar entry keeps one UID for the meeting, so later updates replace it in the candidate's calendar. */
export const offerMeetingUid = (journeyId: string): string => `${journeyId}.offer-meeting@follow-up-journeys`;

export const inviteCandidate = async (journeyId: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const { offer } = journey;
  const sequence = 0;
  const rendered = renderCandidateInvitation({
    locale: offer.candidate.locale,
    candidateName: offer.candidate.name,
    hrName: offer.hr.name,
    meetingAt: offer.offerMeetingAt,
    zone: offer.timezone,
    durationMinutes: OFFER_MEETING_MINUTES,
  });
  const ics = buildMeetingInvite({
    uid: offerMeetingUid(journeyId),
    sequence,
    method: 'REQUEST',
    start: offer.offerMeetingAt,
    durationMinutes: OFFER_MEETING_MINUTES,
    title: offerMeetingTitle(offer.candidate.locale, offer.hr.name),
    description: rendered.text,
    organizer: { name: offer.hr.name, email: offer.hr.email },
    attendee: { name: offer.candidate.name, email: offer.candidate.email },
  });
  await sendEmailOnce(
    journeyId,
    `invitation#offer-meeting#${sequence}`,
    outgoingEmail(journey, offer.candidate, rendered, [
      { filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST; charset=UTF-8', content: ics },
    ]),
  );
  await appendEvent(journeyId, `invitation.sent#offer-meeting#${sequence}`, {
    type: 'invitation.sent',
    meeting: 'offer',
    meetingAt: offer.offerMeetingAt,
    sequence,
  });
};
