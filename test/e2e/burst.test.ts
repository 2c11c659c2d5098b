import { describe, expect, it } from 'vitest';
import { runCohortBurst } from '../../scripts/cohort-burst.ts';

describe('a cohort starting together', () => {
  it('sends every email once, none failed, under the SES rate and close to it', {
    timeout: 240_000,
  }, async () => {
    const figures = await runCohortBurst(200, 14);
    console.log(`cohort burst figures: ${JSON.stringify(figures)}`);
    expect(figures.emailsSent).toBe(figures.emailsExpected);
    expect(figures.duplicates).toBe(0);
    expect(figures.failures).toBe(0);
    expect(figures.peakPerSecond).toBeLessThanOrEqual(14);
    // Adaptive retries back off after each throttle, so the mean stays below the limit but near it.
    expect(figures.meanPerSecond).toBeGreaterThan(8);
  });
});
