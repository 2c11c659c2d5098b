import { readFile } from 'node:fs/promises';
import type { UsageCounts } from '#infra/local/usage-meter.ts';

export type PriceName =
  | 'lambdaRequest'
  | 'lambdaGbSecondArm64'
  | 'stepFunctionsTransition'
  | 'dynamoWriteUnit'
  | 'dynamoReadUnit'
  | 'sesEmail'
  | 'schedulerInvocation'
  | 'eventEntry'
  | 'sqsRequest'
  | 'apiRequest';

export interface PriceTable {
  region: string;
  currency: string;
  date: string;
  prices: Record<PriceName, { usd: number; unit: string; source: string }>;
}

/** The price table the benchmark uses, in the repository so a figure can be traced to what it was priced at. */
export const PRICE_FILE = new URL('../../prices/aws-ap-northeast-1.json', import.meta.url);

export const readPrices = async (): Promise<PriceTable> =>
  JSON.parse(await readFile(PRICE_FILE, 'utf8')) as PriceTable;

export interface Cost {
  /** USD by service. */
  byService: Record<string, number>;
  total: number;
  /** What the emails alone cost: the least any design sending them could. */
  floor: number;
}

/** What a run's usage costs at the given prices, by service, beside its floor (the emails it sent). */
export const costOf = (usage: UsageCounts, table: PriceTable): Cost => {
  const price = (name: PriceName) => table.prices[name].usd;
  const byService = {
    Lambda:
      usage.lambda.invocations * price('lambdaRequest') +
      usage.lambda.gbSeconds * price('lambdaGbSecondArm64'),
    'Step Functions': usage.stepFunctions.transitions * price('stepFunctionsTransition'),
    DynamoDB:
      usage.dynamo.writeUnits * price('dynamoWriteUnit') + usage.dynamo.readUnits * price('dynamoReadUnit'),
    SES: usage.ses.recipients * price('sesEmail'),
    'EventBridge Scheduler': usage.scheduler.invocations * price('schedulerInvocation'),
    EventBridge: usage.events.entries * price('eventEntry'),
    'API Gateway': usage.api.requests * price('apiRequest'),
    SQS: usage.sqs.requests * price('sqsRequest'),
  };
  const total = Object.values(byService).reduce((sum, usd) => sum + usd, 0);
  return { byService, total, floor: usage.ses.recipients * price('sesEmail') };
};

/** DynamoDB write units a sent email costs: its claim, taken, then marked sent. */
export const mailWritesPerEmail = (usage: UsageCounts): number => {
  const writes = usage.dynamo.writesByItem['JOURNEY/EMAIL'] ?? 0;
  return usage.ses.emails > 0 ? writes / usage.ses.emails : 0;
};
