import { startLocalRuntime } from '#infra/local/runtime.ts';

export interface BurstFigures {
  hires: number;
  emailsExpected: number;
  emailsSent: number;
  duplicates: number;
  failures: number;
  throttledRequests: number;
  peakPerSecond: number;
  meanPerSecond: number;
  seconds: number;
}

/** The most requests that arrived within any one second, and the average over the whole burst. */
const sendRates = (arrivals: number[]) => {
  let peak = 0;
  for (let end = 0, start = 0; end < arrivals.length; end += 1) {
    while ((arrivals[end] ?? 0) - (arrivals[start] ?? 0) >= 1000) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  const span = ((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)) / 1000;
  return { peak, mean: span > 0 ? arrivals.length / span : arrivals.length, span };
};

const hire = (index: number) => ({
  phase: 'onboarding',
  hireId: `COHORT-2027-${String(index).padStart(4, '0')}`,
  employee: { name: `新入社員 ${index}`, email: `hire${index}@example.com` },
  hr: { name: '佐藤 綾', email: 'aya.sato@example.co.jp' },
  manager: { name: `上司 ${index}`, email: `manager${index}@example.co.jp` },
  startDate: '2027-04-01',
  // The burst measured is round 1's opening; the pulse checks before it go through the same mail queue.
  onboarding: { pulse: false },
});

/**
 * How many rounds due together open at once as on AWS. There they all open together, each step in a Lambda
 * environment of its own; here every step shares one process, two cores and one local DynamoDB, so 125 rounds
 * opened together each wait behind all the others (round 1's opening was billed 22 s a hire so, against 1.5 s).
 * Eight at a time give each step about a quarter of a core, near the seventh of a vCPU Lambda gives a 256 MB
 * function (one vCPU at 1,769 MB): its time is then about what Lambda would bill.
 */
const ROUNDS_AT_ONCE_AS_ON_AWS = 8;

export interface BurstOptions {
  /** What SES takes a second (answering Throttling above it, as SES does), and what mail is paced to. */
  ratePerSecond: number;
  /**
   * As on AWS, for pricing: steps take about the time Lambda would bill them (`ROUNDS_AT_ONCE_AS_ON_AWS`), and a
   * failed step is retried at Step Functions' real intervals. Otherwise retries come within a second, as tests want.
   */
  asOnAws?: boolean;
}

/**
 * New graduates join together on 1 April: a whole cohort's first round opens at the same moment, and SES has to
 * take every email once.
 */
export const runCohortBurst = async (hires: number, options: BurstOptions): Promise<BurstFigures> => {
  const { ratePerSecond } = options;
  const runtime = await startLocalRuntime({
    port: 0,
    start: new Date('2027-03-01T09:00:00+09:00'),
    faults: true,
    sesMaxSendRate: ratePerSecond,
    ...(options.asOnAws ? { realRetryIntervals: true, schedulerConcurrency: ROUNDS_AT_ONCE_AS_ON_AWS } : {}),
  });
  const faults = runtime.faults;
  if (!faults) throw new Error('the local runtime started without fault controls');
  try {
    const ids: string[] = [];
    for (let batch = 0; batch < hires; batch += 25) {
      const responses = await Promise.all(
        Array.from({ length: Math.min(25, hires - batch) }, (_, offset) =>
          fetch(`${runtime.apiUrl}/journeys`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(hire(batch + offset)),
          }).then((response) => response.json() as Promise<{ journeyId: string }>),
        ),
      );
      ids.push(...responses.map((response) => response.journeyId));
    }
    await runtime.advanceTo(new Date('2027-04-01T09:00:00+09:00'));
    const first = (await (await fetch(`${runtime.apiUrl}/journeys/${ids[0]}`)).json()) as {
      rounds: { startsAt: string }[];
    };

    faults.ses.limitRate(ratePerSecond);
    const acceptedBefore = faults.ses.accepted.length;
    const throttledBefore = faults.ses.throttled;
    await runtime.advanceTo(new Date(first.rounds[0]?.startsAt ?? ''));

    const emails = await runtime.emails();
    const seen = new Set<string>();
    let duplicates = 0;
    for (const email of emails) {
      // HR's calendar copies share HR's address and often a subject: the text names the hire.
      const key = `${email.to.join()}|${email.subject}|${email.text}`;
      if (seen.has(key)) duplicates += 1;
      seen.add(key);
    }
    let failures = 0;
    for (const journeyId of ids) {
      const journey = (await (await fetch(`${runtime.apiUrl}/journeys/${journeyId}`)).json()) as {
        status: string;
      };
      if (journey.status !== 'onboarding') failures += 1;
    }
    const rates = sendRates(faults.ses.accepted.slice(acceptedBefore));
    return {
      hires,
      // Each hire: the invitation to round 1 and HR's calendar copy of it, the manager's team-session reminder
      // and prep request.
      emailsExpected: hires * 4,
      emailsSent: emails.length,
      duplicates,
      failures,
      throttledRequests: faults.ses.throttled - throttledBefore,
      peakPerSecond: rates.peak,
      meanPerSecond: Number(rates.mean.toFixed(2)),
      seconds: Number(rates.span.toFixed(1)),
    };
  } finally {
    await runtime.stop();
  }
};
