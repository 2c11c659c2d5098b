/**
 * `npm run bench:burst`: the 1 April cohort at full size, against SES limited to 14 emails per second.
 * `--rate` sets another limit, `--as-on-aws` opens rounds as few at a time as give each step about Lambda's CPU and
 * waits out Step Functions' Retry intervals in real seconds (as `npm run bench` does, to price the steps and the
 * retries), and `--json` prints the figures as one line of JSON instead.
 */
import { parseArgs } from 'node:util';
import { runCohortBurst } from './cohort-burst.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    rate: { type: 'string', default: '14' },
    'as-on-aws': { type: 'boolean', default: false },
  },
});
const hires = Number(process.env.BURST_HIRES ?? 1000);
const ratePerSecond = Number(values.rate);
if (!(ratePerSecond > 0))
  throw new Error(`--rate must be a number of emails a second above 0, not ${values.rate}`);
const figures = await runCohortBurst(hires, { ratePerSecond, asOnAws: values['as-on-aws'] });
if (values.json) {
  console.log(JSON.stringify(figures));
} else {
  console.log(`cohort burst: ${figures.hires} hires, SES limited to ${ratePerSecond} emails/s`);
  console.log(`  emails sent      ${figures.emailsSent} of ${figures.emailsExpected}`);
  console.log(`  duplicates       ${figures.duplicates}`);
  console.log(`  failures         ${figures.failures}`);
  console.log(`  throttled calls  ${figures.throttledRequests}`);
  console.log(`  peak send rate   ${figures.peakPerSecond} emails/s (any one-second window)`);
  console.log(`  mean send rate   ${figures.meanPerSecond} emails/s over ${figures.seconds} s`);
}
