import { DEFAULT_SES_MAX_SEND_RATE } from '#infra/stack-contract.ts';
import { costOf, mailWritesPerEmail, readPrices } from './cost.ts';
import type { Figure, Measurement } from './figure.ts';
import { meteredRun } from './metered-run.ts';

/** Target 1: the demo journey within 1.25 times what its emails alone cost. */
const COST_OVER_FLOOR = 1.25;
/** Target 2: state transitions within 1.1 times the Task states (the steps that do work). */
const TRANSITIONS_PER_TASK = 1.1;
/** Target 6: DynamoDB writes a sent email costs. */
const WRITES_PER_EMAIL = 2;

/**
 * The demo's journey (`npm run demo`: one candidate from the offer to the end of month 3, every form answered as
 * people would), run with the usage meter on and priced: targets 1, 2 and 6.
 */
const measure: Measurement = async () => {
  const prices = await readPrices();
  // Paced as on AWS (the local SES has no quota, and `npm run demo` alone sends unpaced): the senders' waits between a
  // journey's emails are billed there.
  const { usage, seconds } = await meteredRun('scripts/demo.ts', [], {
    SES_MAX_SEND_RATE: String(DEFAULT_SES_MAX_SEND_RATE),
  });
  const cost = costOf(usage, prices);
  const { stepFunctions, dynamo, lambda, ses } = usage;
  const byService = Object.fromEntries(
    Object.entries(cost.byService).map(([service, usd]) => [`${service} (USD)`, Number(usd.toPrecision(3))]),
  );
  const runNote = `one run of scripts/demo.ts in ${seconds.toFixed(1)} s; prices ${prices.region} as of ${prices.date}`;
  const figures: Figure[] = [
    {
      figure: 'demo journey: cost / email floor',
      value: cost.total / cost.floor,
      unit: 'x',
      target: COST_OVER_FLOOR,
      better: 'lower',
      note: runNote,
    },
    {
      figure: 'demo journey: cost per hire',
      value: cost.total,
      unit: 'USD',
      target: cost.floor * COST_OVER_FLOOR,
      better: 'lower',
      details: {
        ...byService,
        'email floor (USD)': cost.floor,
        emails: ses.recipients,
        'Lambda invocations': lambda.invocations,
        'Lambda billed ms': lambda.billedMs,
        'Lambda GB-s': Number(lambda.gbSeconds.toFixed(3)),
        'state transitions': stepFunctions.transitions,
        'DynamoDB write units': dynamo.writeUnits,
        'DynamoDB read units': dynamo.readUnits,
        'scheduler invocations': usage.scheduler.invocations,
        'events published': usage.events.entries,
        'API requests': usage.api.requests,
      },
    },
    {
      figure: 'demo journey: state transitions / work steps',
      value: stepFunctions.transitions / stepFunctions.taskStates,
      unit: 'x',
      target: TRANSITIONS_PER_TASK,
      better: 'lower',
      details: {
        transitions: stepFunctions.transitions,
        executions: stepFunctions.executions,
        ...Object.fromEntries(
          Object.entries(stepFunctions.byStateType).map(([type, count]) => [`${type} states`, count]),
        ),
      },
    },
    {
      figure: 'DynamoDB writes per email',
      value: mailWritesPerEmail(usage),
      unit: 'WRU',
      target: WRITES_PER_EMAIL,
      better: 'lower',
      details: {
        ...Object.fromEntries(
          Object.entries(dynamo.writesByItem).map(([kind, units]) => [`writes to ${kind}`, units]),
        ),
        'all writes per email': Number((dynamo.writeUnits / Math.max(1, ses.emails)).toFixed(2)),
        ...Object.fromEntries(
          Object.entries(dynamo.readsByItem).map(([kind, units]) => [`reads of ${kind}`, units]),
        ),
      },
    },
  ];
  return figures;
};

export default measure;
