/** `npm run bench:burst`: the 1 April cohort at full size, against SES limited to 14 emails per second. */
import { runCohortBurst } from './cohort-burst.ts';

const hires = Number(process.env.BURST_HIRES ?? 1000);
const figures = await runCohortBurst(hires, 14);
console.log(`cohort burst: ${figures.hires} hires, SES limited to 14 emails/s`);
console.log(`  emails sent      ${figures.emailsSent} of ${figures.emailsExpected}`);
console.log(`  duplicates       ${figures.duplicates}`);
console.log(`  failures         ${figures.failures}`);
console.log(`  throttled calls  ${figures.throttledRequests}`);
console.log(`  peak send rate   ${figures.peakPerSecond} emails/s (any one-second window)`);
console.log(`  mean send rate   ${figures.meanPerSecond} emails/s over ${figures.seconds} s`);
