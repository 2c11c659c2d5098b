import { listForms } from '#shared/data/forms.ts';
import { offerOf, requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { buildOfferBrief, type InterviewerInsight } from '#shared/domain/offer-brief.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderMeetingBrief } from '#shared/email/templates/meeting-brief.ts';

export const sendMeetingBrief = async (journeyId: string): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const offer = offerOf(journey);
  const insights: InterviewerInsight[] = (await listForms(journeyId))
    .filter((form) => form.kind === 'interviewer-insight')
    .sort((a, b) => (a.interviewerIndex ?? 0) - (b.interviewerIndex ?? 0))
    .map((form) => ({
      interviewerName: form.recipient.name,
      status: form.status === 'submitted' ? 'submitted' : 'expired',
      concerns: form.answers?.concerns,
      impressions: form.answers?.impressions,
      strengths: form.answers?.strengths,
    }));
  const brief = buildOfferBrief({ offer, insights }, offer.hr.locale);
  await sendEmailOnce(
    journeyId,
    'brief#offer-meeting',
    outgoingEmail(
      journey,
      offer.hr,
      renderMeetingBrief({
        locale: offer.hr.locale,
        hrName: offer.hr.name,
        candidateName: offer.candidate.name,
        meetingAt: offer.offerMeetingAt,
        zone: offer.timezone,
        brief,
      }),
    ),
  );
  await appendEvent(journeyId, 'brief.sent#offer-meeting', {
    type: 'brief.sent',
    meeting: 'offer',
    insights: insights.filter((insight) => insight.status === 'submitted').length,
    missing: insights.filter((insight) => insight.status === 'expired').length,
  });
};
