import type { Hire } from '#shared/domain/hire.ts';
import type { Offer } from '#shared/domain/offer.ts';
import type { SesMailEvent } from '#shared/domain/ses-mail-event.ts';

/** The SES message tag every journey mail carries, so SES's events about it name the journey. */
export const JOURNEY_MAIL_TAG = 'journey';

export interface UndeliverableMail {
  journeyId: string;
  reason: 'bounce' | 'complaint';
  /** Lower-cased. */
  addresses: string[];
}

/**
 * The addresses a journey must stop mailing: a hard bounce (the address does not exist) or a complaint (the
 * person marked our mail as spam). A soft bounce (a full mailbox, a server down) is SES's to retry, and mail
 * not sent for a journey is none of ours.
 */
export const undeliverableMailOf = (event: SesMailEvent): UndeliverableMail | undefined => {
  const { detail } = event;
  const journeyId = detail.mail.tags[JOURNEY_MAIL_TAG]?.[0];
  if (!journeyId) return undefined;
  const bounced =
    detail.eventType === 'Bounce'
      ? detail.bounce?.bounceType === 'Permanent'
        ? detail.bounce.bouncedRecipients
        : []
      : (detail.complaint?.complainedRecipients ?? []);
  const addresses = [...new Set(bounced.map((recipient) => recipient.emailAddress.toLowerCase()))];
  if (addresses.length === 0) return undefined;
  return { journeyId, reason: detail.eventType === 'Bounce' ? 'bounce' : 'complaint', addresses };
};

/**
 * Who on a journey has `address`, each by the role the timeline and the attention queue name them by
 * (`interviewer-<index>` for an interviewer): one address may be two people's (a manager who interviewed).
 */
export const peopleWithAddress = (
  journey: { hire: Hire; offer?: Pick<Offer, 'interviewers'> },
  address: string,
): { role: string; name: string }[] => {
  const { hire, offer } = journey;
  const people: [string, { name: string; email: string } | undefined][] = [
    ['employee', hire.employee],
    ['hr', hire.hr],
    ['manager', hire.manager],
    ['mentor', hire.mentor],
    ...(offer?.interviewers ?? []).map((person, index): [string, { name: string; email: string }] => [
      `interviewer-${index}`,
      person,
    ]),
  ];
  const wanted = address.toLowerCase();
  return people.flatMap(([role, person]) =>
    person?.email.toLowerCase() === wanted ? [{ role, name: person.name }] : [],
  );
};
