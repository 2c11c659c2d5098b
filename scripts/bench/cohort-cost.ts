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
 * This machine runs every function, stand-in and the ASL engine in one process, so the cohort runs at 1/scale of
 * its size, at the real rate: 125 hires at 14 emails a second. A hire costs the same in a smaller cohort. What
 * the cohort's size changes is how long the mail queue stays full, which no hire is billed for: each email holds a
 * sender for the pace the rate sets (an earlier model scaled the rate down with the size, and billed each email
 * eight times the sender's wait), and the queue's batches, if anything, come emptier in the smaller cohort, at more
 * requests an email. `BENCH_COHORT_SCALE=1` runs it at full size.
 */
const scale = Number(process.env.BENCH_COHORT_SCALE ?? 8);

/**
 * The April cohort (`npm run bench:burst`: every hire's first round opens at the same moment), run with the usage
 * meter on and priced per hire: every retry, the senders' time spacing the mail, the queue's requests and every
 * DynamoDB call are in the cost.
 */
const measure: Measurement = async () => {
  const prices = await readPrices();
  const modelled = { hires: Math.round(hires / scale), rate: ratePerSecond };
  const { usage, seconds, stdout } = await meteredRun(
    'scripts/bench-burst.ts',
    ['--json', '--as-on-aws', '--rate', String(modelled.rate)],
    { BURST_HIRES: String(modelled.hires) },
  );
  const burst = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as BurstFigures;
  const cost = costOf(usage, prices);
  // Under the pace, the senders waited less than they would with a queue kept full, and read low.
  const underPaced =
    burst.peakPerSecond < modelled.rate * 0.9
      ? `. This machine never sent faster than ${burst.peakPerSecond} emails/s, under the ${modelled.rate} allowed: the senders' waits read low`
      : '';
  const perHire = (usd: number) => usd / modelled.hires;
  return [
    {
      figure: `${hires.toLocaleString('en')}-hire cohort at ${ratePerSecond}/s: cost / email floor`,
      value: cost.total / cost.floor,
      unit: 'x',
      target: COST_OVER_FLOOR,
      better: 'lower',
      note: `one run of scripts/bench-burst.ts in ${seconds.toFixed(0)} s${scale === 1 ? '' : `, modelled by ${modelled.hires} hires`}: from the journeys' start to round 1's mail; prices ${prices.region} as of ${prices.date}${underPaced}`,
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
        'peak send rate (emails/s, any one second)': burst.peakPerSecond,
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
