import type { LocalEmail } from '#infra/local/mailbox.ts';
import { type LocalFaultControls, type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
import { meetingUidFor } from '#shared/domain/ids.ts';
import { ORGANIZER_COPY_PREFIX } from '#shared/email/templates/organizer-copy.ts';

/** Virtual "now" at the start of every end-to-end test: a Tuesday morning in Tokyo, nine days before the meeting. */
export const TEST_START = new Date('2026-11-24T10:00:00+09:00');

export interface LocalSystem {
  runtime: LocalRuntime;
  api(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown): Promise<Response>;
  /** Posts a new journey as HR would and returns its id; anything but 201 fails the test. */
  startJourney(body: unknown): Promise<string>;
  journey(journeyId: string): Promise<JourneyView>;
  emails(): Promise<LocalEmail[]>;
  /** Mail to an address, but for HR's copies of the meetings sent in their name (`organizerCopiesTo`). */
  mailTo(address: string): Promise<LocalEmail[]>;
  /** HR's copies of the meetings sent in their name, each carrying the same calendar entry. */
  organizerCopiesTo(address: string): Promise<LocalEmail[]>;
  advanceTo(iso: string): Promise<void>;
  submitForm(url: string, fields: Record<string, string>): Promise<Response>;
}

export interface JourneyView {
  journeyId: string;
  status: string;
  forms: { formId: string; kind: string; status: string }[];
  timeline: { at: string; type: string; [detail: string]: unknown }[];
}

export const startLocalSystem = async (
  options: { faults?: boolean; sesMaxSendRate?: number; handlerThreads?: number } = {},
): Promise<LocalSystem> => {
  const runtime = await startLocalRuntime({
    port: 0,
    start: TEST_START,
    faults: options.faults,
    ...(options.sesMaxSendRate === undefined ? {} : { sesMaxSendRate: options.sesMaxSendRate }),
    ...(options.handlerThreads === undefined ? {} : { handlerThreads: options.handlerThreads }),
  });
  const api = (path: string, init?: RequestInit) => fetch(`${runtime.apiUrl}${path}`, init);
  const emails = () => runtime.emails();
  const postJson = (path: string, body: unknown) =>
    api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    runtime,
    api,
    postJson,
    startJourney: async (body) => {
      const response = await postJson('/journeys', body);
      if (response.status !== 201) {
        throw new Error(`POST /journeys answered ${response.status}: ${await response.text()}`);
      }
      return ((await response.json()) as { journeyId: string }).journeyId;
    },
    journey: async (journeyId) => {
      await runtime.idle();
      const response = await api(`/journeys/${journeyId}`);
      if (response.status !== 200) throw new Error(`GET /journeys/${journeyId} answered ${response.status}`);
      return (await response.json()) as JourneyView;
    },
    emails,
    mailTo: async (address) =>
      (await emails()).filter(
        (email) => email.to.some((to) => to.includes(address)) && !isOrganizerCopy(email),
      ),
    organizerCopiesTo: async (address) =>
      (await emails()).filter(
        (email) => email.to.some((to) => to.includes(address)) && isOrganizerCopy(email),
      ),
    advanceTo: async (iso) => {
      await runtime.advanceTo(new Date(iso));
    },
    submitForm: async (url, fields) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      await runtime.idle();
      return response;
    },
  };
};

const isOrganizerCopy = (email: LocalEmail): boolean =>
  Object.values(ORGANIZER_COPY_PREFIX).some((prefix) => email.subject.startsWith(prefix));

/** The fault controls of a system started with `{ faults: true }`. */
export const faultControls = (system: LocalSystem): LocalFaultControls => {
  if (!system.runtime.faults) throw new Error('the runtime started without fault controls');
  return system.runtime.faults;
};

/** The form link in an email, as the person would click it. */
export const formLinkIn = (email: LocalEmail | undefined): string => {
  const link = email?.text.match(/https?:\/\/\S+\/forms\/[A-Za-z0-9_.-]+/)?.[0];
  if (!link) throw new Error(`no form link in email "${email?.subject}"`);
  return link;
};

/** The new hire's pulse checks go out on a cadence of their own, between the mails of the rounds. */
export const withoutPulseChecks = (emails: LocalEmail[]): LocalEmail[] =>
  emails.filter((email) => !/仕事の調子はいかがですか|How are you doing at work lately/.test(email.subject));

export const eventTypes = (journey: JourneyView): string[] => journey.timeline.map((event) => event.type);

/** The identifier key the local runtime set, for a test that works out a journey's id as the system does. */
export const localIdentifierKey = (): string => {
  const key = process.env.IDENTIFIER_KEY;
  if (!key) throw new Error('the local runtime has not set IDENTIFIER_KEY');
  return key;
};

/** The calendar UID the system gives a meeting of a journey, worked out with the local identifier key. */
export const meetingUid = (journeyId: string, meeting: string): string =>
  meetingUidFor(journeyId, meeting, localIdentifierKey());
