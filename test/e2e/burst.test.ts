import { describe, expect, it } from 'vitest';
import { runCohortBurst } from '../../scripts/cohort-burst.ts';

describe('a cohort starting together', () => {
  it('sends every email once, none failed, under the SES rate, and reports its send rate', {
    timeout: 240_000,
  }, async () => {
    const figures = await runCohortBurst(200, { ratePerSecond: 14 });
    console.log(`cohort burst figures: ${JSON.stringify(figures)}`);
    expect(figures.emailsSent).toBe(figures.emailsExpected);
    expect(figures.duplicates).toBe(0);
    expect(figures.failures).toBe(0);
    expect(figures.peakPerSecond).toBeLessThanOrEqual(14);
    // How close the mean comes to the limit is a performance figure, printed above and by `npm run bench:burst`,
    // not asserted: a busy machine would make it fail for reasons a user would never notice.
  });
});
