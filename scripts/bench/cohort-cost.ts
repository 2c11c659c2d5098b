import type { BurstFigures } from '../cohort-burst.ts';
import { costOf, mailWritesPerEmail, readPrices } from './cost.ts';
import type { Measurement } from './figure.ts';
import { meteredRun } from './metered-run.ts';

/** Target 1: a hire of a 1,000-hire April cohort within 1.35 times what their emails alone cost. */
const COST_OVER_FLOOR = 1.35;

/** The issue's cohort: 1,000 hires whose first round opens at the same moment, SES taking 14 emails a second. */
const hires = Number(process.env.BENCH_COHORT_HIRES ?? 1000);
const ratePerSecond = 14;

/**
 * This machine, running every function, stand-in and the ASL engine in one process, sends a cohort's mail at 2 to
 * 9 emails a second (busy or idle): at 14 a second its queue would never grow. So the cohort runs at 1/scale of its size and of its rate: 125 hires at 1.75 a second
 * take the same 286 s of mail as 1,000 at 14, every round opens at once as EventBridge Scheduler would open them,
 * and Step Functions waits out its Retry intervals in real seconds. One thing reads high: the mail senders space
 * their sends by the rate, so each email holds a sender scale times longer than at 14 a second (2.4 s against
 * 0.3 s with four senders, about 8% of an email's price against 1%). `BENCH_COHORT_SCALE=1` runs it at full size.
 */
const scale = Number(process.env.BENCH_COHORT_SCALE ?? 8);

/**
 * The April cohort (`npm run bench:burst`: every hire's first round opens at the same moment), run with the usage
 * meter on and priced per hire: every retry, the senders' time spacing the mail, the queue's requests and every
 * DynamoDB call are in the cost.
 */
const measure: Measurement = async () => {
  const prices = await readPrices();
  const modelled = { hires: Math.round(hires / scale), rate: ratePerSecond / scale };
  const { usage, seconds, stdout } = await meteredRun(
    'scripts/bench-burst.ts',
    ['--json', '--as-on-aws', '--rate', String(modelled.rate)],
    { BURST_HIRES: String(modelled.hires) },
  );
  const burst = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as BurstFigures;
  const cost = costOf(usage, prices);
  // Sent slower than SES allowed, the machine never let the queue grow as it would: its mail took longer, and the
  // senders waited less for their pace than they would.
  const underfilled =
    burst.meanPerSecond < modelled.rate * 0.9
      ? `. This machine sent only ${burst.meanPerSecond} emails/s, under the ${modelled.rate} allowed: the queue grew less than it would`
      : '';
  const perHire = (usd: number) => usd / modelled.hires;
  return [
    {
      figure: `${hires.toLocaleString('en')}-hire cohort at ${ratePerSecond}/s: cost / email floor`,
      value: cost.total / cost.floor,
      unit: 'x',
      target: COST_OVER_FLOOR,
      better: 'lower',
      note: `one run of scripts/bench-burst.ts in ${seconds.toFixed(0)} s${scale === 1 ? '' : `, modelled by ${modelled.hires} hires at ${modelled.rate} emails/s`}: from the journeys' start to round 1's mail; prices ${prices.region} as of ${prices.date}${underfilled}`,
      details: {
        ...Object.fromEntries(
          Object.entries(cost.byService).map(([service, usd]) => [
            `${service} per hire (USD)`,
            Number(perHire(usd).toPrecision(3)),
          ]),
        ),
        'cost per hire (USD)': Number(perHire(cost.total).toPrecision(3)),
        'emails sent': burst.emailsSent,
        'emails expected': burst.emailsExpected,
        'emails sent twice': burst.duplicates,
        'journeys not onboarding after round 1': burst.failures,
        'mean send rate (emails/s)': burst.meanPerSecond,
        'SES throttled calls': burst.throttledRequests,
        'state transitions per hire': perHire(usage.stepFunctions.transitions),
        'Task retries per hire':
          perHire(usage.stepFunctions.byStateType.Task ?? 0) - perHire(usage.stepFunctions.taskStates),
        'Lambda billed s per hire': perHire(usage.lambda.billedMs / 1000),
        'mail sender billed s per email': Number(
          (
            (usage.lambda.byFunction['send-mail']?.billedMs ?? 0) /
            1000 /
            Math.max(1, usage.ses.emails)
          ).toFixed(3),
        ),
        'DynamoDB writes per email': Number(mailWritesPerEmail(usage).toFixed(2)),
        'SQS requests per email': Number((usage.sqs.requests / Math.max(1, usage.ses.emails)).toFixed(2)),
      },
    },
  ];
};

export default measure;
