/**
 * What `npm run bench` runs for local throughput (target 5), in a process of its own: N full journeys at once on the
 * local runtime, from the offer to the end of month 3, and one line of JSON saying how long they took.
 *
 * Every journey is the same offer for a different candidate, so their timers fall due at the same moments, as a
 * cohort's do. The interviewer, the manager and the mentor never answer (their reminders and deadlines fire and
 * expire); HR answers what only HR can: the offer's outcome (accepted) and each round's. The new hire's pulse
 * checks go unanswered. `SES_MAX_SEND_RATE` should be set high, so the send pacing is no limit.
 */
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { ORGANIZER_COPY_PREFIX } from '#shared/email/templates/organizer-copy.ts';

export interface ThroughputRun {
  journeys: number;
  completed: number;
  /** From the first journey's start until every journey has reached the end of month 3. */
  seconds: number;
  /** Of those seconds, how long the run itself spent reading the mailbox for HR's form links. */
  mailboxSeconds: number;
  /** Requests answered 503 (the system too busy to take them) and sent again, as HR and their ATS would. */
  triedAgain: number;
}

const journeys = Number(process.env.THROUGHPUT_JOURNEYS ?? 100);
/** HR's answers and the journeys' starts go in this many at a time, as a busy HR team might send them. */
const AT_ONCE = 25;
const START = new Date('2026-11-24T10:00:00+09:00');

const offer = (index: number) => ({
  offerId: `OFR-LOAD-${index}`,
  candidate: { name: '山田 花子', email: `hanako+${index}@example.com`, locale: 'ja' },
  hr: { name: '佐藤 綾', email: `hr+${index}@example.co.jp` },
  manager: { name: '鈴木 一郎', email: `manager+${index}@example.co.jp` },
  mentor: { name: '田中 美咲', email: `mentor+${index}@example.co.jp` },
  interviewers: [{ name: '高橋 健', email: `interviewer+${index}@example.co.jp` }],
  offerMeetingAt: '2026-12-03T10:00:00+09:00',
  respondBy: '2026-12-15',
  startDate: '2027-04-01',
  timezone: 'Asia/Tokyo',
  selection: { concerns: ['残業の多さを気にしている'], situation: ['multiple-offers'] },
});

const inBatches = async <T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += AT_ONCE) {
    results.push(...(await Promise.all(items.slice(start, start + AT_ONCE).map(work))));
  }
  return results;
};

/** A request answered 503 is sent again this many times at most, a second longer apart each time. */
const ATTEMPTS = 5;
let triedAgain = 0;

/**
 * Sends a request as a person or an ATS would: again, a little later, when the answer is "try again later". Says
 * whether it was sent again: an attempt answered 503 may still have been taken.
 */
const sendUntilTaken = async (
  send: () => Promise<Response>,
): Promise<{ response: Response; again: boolean }> => {
  for (let attempt = 1; ; attempt += 1) {
    const response = await send();
    if (response.status !== 503 || attempt === ATTEMPTS) return { response, again: attempt > 1 };
    await response.body?.cancel();
    triedAgain += 1;
    await new Promise((resolve) => setTimeout(resolve, attempt * 1000));
  }
};

const runtime = await startLocalRuntime({ port: 0, start: START });
const api = (path: string, init?: RequestInit) => fetch(`${runtime.apiUrl}${path}`, init);
let mailboxMs = 0;

/**
 * The latest form link each HR address received since `sinceMs` (real time: the local SES stamps mail with the
 * host's clock). Only that stretch's mail is read, so the cost of a read does not grow with the run.
 */
const hrFormLinks = async (sinceMs: number): Promise<Map<string, string>> => {
  const started = performance.now();
  await runtime.idle();
  const response = await fetch(`${runtime.sesUrl}/store?since=${Math.floor(sinceMs / 1000)}`);
  const { emails } = (await response.json()) as {
    emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
  };
  const links = new Map<string, string>();
  for (const email of emails) {
    // Addresses come as the SDK sent them, a display name and all.
    const to = email.destination.to.join().match(/hr\+\d+@example\.co\.jp/)?.[0];
    if (!to || Object.values(ORGANIZER_COPY_PREFIX).some((prefix) => email.subject.startsWith(prefix)))
      continue;
    const link = email.body.text?.match(/https?:\/\/\S+\/forms\/[A-Za-z0-9_.-]+/)?.[0];
    if (link) links.set(to, link);
  }
  mailboxMs += performance.now() - started;
  return links;
};

/** Each journey's HR answers its latest form; a journey whose HR has no form by then is stuck, and fails the run. */
const hrAnswers = async (sinceMs: number, fields: Record<string, string>) => {
  const links = await hrFormLinks(sinceMs);
  await inBatches(
    Array.from({ length: journeys }, (_, index) => index),
    async (index) => {
      const link = links.get(offer(index).hr.email);
      if (!link) throw new Error(`journey ${index}: HR received no form to answer`);
      const { response, again } = await sendUntilTaken(() =>
        fetch(link, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        }),
      );
      // "Already answered" after a retry: the attempt answered 503 was recorded after all.
      const taken = response.status === 200 || (again && response.status === 409);
      if (!taken) throw new Error(`journey ${index}: HR's answer got ${response.status}`);
    },
  );
  await runtime.idle();
};

const advance = async (iso: string) => {
  const since = Date.now();
  await runtime.advanceTo(new Date(iso));
  return since;
};

try {
  const started = performance.now();
  const ids = await inBatches(
    Array.from({ length: journeys }, (_, index) => index),
    async (index) => {
      const { response, again } = await sendUntilTaken(() =>
        api('/journeys', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(offer(index)),
        }),
      );
      // 200, the journey as it stands, after a retry: the attempt answered 503 started it after all.
      const taken = response.status === 201 || (again && response.status === 200);
      if (!taken) throw new Error(`POST /journeys answered ${response.status}`);
      return ((await response.json()) as { journeyId: string }).journeyId;
    },
  );
  await runtime.idle();

  // The interviewer's reminder and deadline pass, the meeting ends, and HR records the outcome.
  await hrAnswers(await advance('2026-12-03T11:00:00+09:00'), {
    decision: 'accepted',
    remainingConcerns: '',
    notes: '',
  });
  await advance('2027-04-01T09:00:00+09:00');
  const { rounds } = (await (await api(`/journeys/${ids[0]}`)).json()) as { rounds: { sessionAt: string }[] };
  for (const round of rounds) {
    // The prep requests expire unanswered; an hour after the session HR records how it went.
    const since = await advance(new Date(Date.parse(round.sessionAt) + 60 * 60 * 1000).toISOString());
    await hrAnswers(since, {
      condition: 'good',
      privateNotes: '',
      consent: 'none',
      teamSummary: '',
      followUp: '',
    });
  }
  // Whatever a journey still had pending after its last round.
  const last = rounds.at(-1)?.sessionAt ?? '';
  await advance(new Date(Date.parse(last) + 14 * 24 * 60 * 60 * 1000).toISOString());
  const seconds = (performance.now() - started) / 1000;

  const statuses = await inBatches(ids, async (journeyId) => {
    const journey = (await (await api(`/journeys/${journeyId}`)).json()) as { status: string };
    return journey.status;
  });
  const run: ThroughputRun = {
    journeys,
    completed: statuses.filter((status) => status === 'completed').length,
    seconds: Number(seconds.toFixed(2)),
    mailboxSeconds: Number((mailboxMs / 1000).toFixed(2)),
    triedAgain,
  };
  console.log(JSON.stringify(run));
} finally {
  await runtime.stop();
}
