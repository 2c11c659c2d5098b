/**
 * `npm run bench:burst`: the 1 April cohort at full size, against SES limited to 14 emails per second.
 * `--json` prints the figures as one line of JSON instead (what `npm run bench` reads).
 */
import { parseArgs } from 'node:util';
import { runCohortBurst } from './cohort-burst.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const hires = Number(process.env.BURST_HIRES ?? 1000);
const figures = await runCohortBurst(hires, 14);
if (values.json) {
  console.log(JSON.stringify(figures));
} else {
  console.log(`cohort burst: ${figures.hires} hires, SES limited to 14 emails/s`);
  console.log(`  emails sent      ${figures.emailsSent} of ${figures.emailsExpected}`);
  console.log(`  duplicates       ${figures.duplicates}`);
  console.log(`  failures         ${figures.failures}`);
  console.log(`  throttled calls  ${figures.throttledRequests}`);
  console.log(`  peak send rate   ${figures.peakPerSecond} emails/s (any one-second window)`);
  console.log(`  mean send rate   ${figures.meanPerSecond} emails/s over ${figures.seconds} s`);
}
