import { DateTime } from 'luxon';
import { DEFAULT_TEMPLATE_NAME } from '#shared/domain/journey-template.ts';

/**
 * The console's start form, as the JSON body `POST /journeys` takes: the console sends what HR typed through the
 * same use case and schema as HR's systems, so both get the same checks and the same field messages.
 */
export const journeyRequestFromForm = (form: URLSearchParams): Record<string, unknown> => {
  const text = (name: string) => (form.get(name) ?? '').trim();
  const phase = text('phase') === 'onboarding' ? 'onboarding' : 'offer';
  const person = (prefix: string) => ({
    name: text(`${prefix}.name`),
    email: text(`${prefix}.email`),
    locale: text(`${prefix}.locale`) || 'ja',
  });
  const optionalPerson = (prefix: string) =>
    text(`${prefix}.name`) === '' && text(`${prefix}.email`) === '' ? undefined : person(prefix);
  const timezone = text('timezone') || 'Asia/Tokyo';
  // A named template sets the cadence: the number of rounds is the default template's only.
  const template = text('template') === DEFAULT_TEMPLATE_NAME ? '' : text('template');
  const onboarding = {
    rounds: text('rounds') === '' || template !== '' ? undefined : Number(text('rounds')),
    sessionTime: text('sessionTime') || undefined,
    // An unticked box sends nothing: its absence is the answer.
    pulse: form.has('pulse'),
    hireConfirmsSummary: form.has('hireConfirmsSummary'),
  };
  const common = {
    hr: person('hr'),
    manager: person('manager'),
    mentor: optionalPerson('mentor'),
    startDate: text('startDate'),
    timezone,
    // Left empty, there is no place to say.
    location: text('location') || undefined,
    onboarding,
    template: template || undefined,
  };
  if (phase === 'onboarding') return { phase, hireId: text('key'), employee: person('person'), ...common };
  return {
    phase,
    offerId: text('key'),
    candidate: person('person'),
    interviewers: [1, 2, 3].flatMap((index) => optionalPerson(`interviewer${index}`) ?? []),
    offerMeetingAt: inZone(text('offerMeetingAt'), timezone),
    respondBy: text('respondBy'),
    selection: {
      concerns: text('concerns')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
      situation: form.getAll('situation'),
    },
    ...common,
  };
};

/** A browser's `datetime-local` value read in the journey's zone; anything else goes on as typed, to be refused. */
const inZone = (local: string, zone: string): string => {
  const moment = DateTime.fromISO(local, { zone });
  return moment.isValid ? (moment.toISO({ suppressMilliseconds: true }) ?? local) : local;
};

const pathFields: [RegExp, string][] = [
  [/^(candidate|employee)\./, 'person.'],
  [/^(offerId|hireId)$/, 'key'],
  [/^interviewers\.(\d+)\./, 'interviewer#.'],
  [/^onboarding\./, ''],
  [/^selection\.(concerns|situation)(\..*)?$/, '$1'],
];

/** Which form field a message of the API's schema belongs to (`candidate.email` → `person.email`). */
export const formFieldOf = (path: string): string => {
  for (const [pattern, replacement] of pathFields) {
    const match = path.match(pattern);
    if (!match) continue;
    if (replacement === 'interviewer#.') {
      return path.replace(pattern, `interviewer${Number(match[1]) + 1}.`);
    }
    return path.replace(pattern, replacement);
  }
  return path;
};
