import { beforeAll, describe, expect, it } from 'vitest';
import { createJourneysApp } from '#infra/journeys-app.ts';
import { FUNCTION_METADATA_KEY } from '#infra/stack-contract.ts';

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

let resources: Record<string, Resource>;

beforeAll(() => {
  const { app, stack } = createJourneysApp({
    context: { 'aws:cdk:bundling-stacks': [], senderEmail: 'follow-up@example.co.jp' },
  });
  // Synthesis runs cdk-nag and throws on any finding left unacknowledged.
  resources = (
    app.synth().getStackArtifact(stack.artifactId).template as { Resources: Record<string, Resource> }
  ).Resources;
});

const ofType = (type: string): [string, Resource][] =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);
const resource = (logicalId: string): Resource => {
  const found = resources[logicalId];
  if (!found) throw new Error(`no resource ${logicalId}`);
  return found;
};
const functionOf = (folder: string): string => {
  const found = ofType('AWS::Lambda::Function').find(
    ([, resource]) => resource.Metadata?.[FUNCTION_METADATA_KEY] === folder,
  );
  if (!found) throw new Error(`no function ${folder}`);
  return found[0];
};
const queueOf = (part: string): string => {
  const found = ofType('AWS::SQS::Queue').filter(([id]) => id.includes(part));
  expect(found, part).toHaveLength(1);
  return found[0]?.[0] ?? '';
};
const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
const alarmOnQueue = (queueId: string) =>
  ofType('AWS::CloudWatch::Alarm').filter(([, alarm]) =>
    JSON.stringify(alarm.Properties.Dimensions).includes(`"${queueId}"`),
  );

describe('the journeys bus', () => {
  it("takes HR's systems' five events, never the service's own, to receive-event, retried, then dead-lettered", () => {
    const [[busId]] = ofType('AWS::Events::EventBus') as [[string, Resource]];
    const rules = ofType('AWS::Events::Rule').filter(
      ([, rule]) => JSON.stringify(rule.Properties.EventBusName) === JSON.stringify({ Ref: busId }),
    );
    expect(rules).toHaveLength(1);
    const [, rule] = rules[0] as [string, Resource];
    expect(rule.Properties.EventPattern).toEqual({
      source: [{ 'anything-but': ['follow-up-journeys'] }],
      'detail-type': ['OfferIssued', 'OfferWithdrawn', 'StartDateChanged', 'HireCancelled', 'EmployeeLeft'],
    });
    const deadLetters = queueOf('EventsDeadLetters');
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: arnOf(functionOf('receive-event')),
        DeadLetterConfig: { Arn: arnOf(deadLetters) },
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 20 },
      }),
    ]);
  });

  it('puts what receive-event keeps failing on in the same queue, which it may write its refusals to', () => {
    const deadLetters = queueOf('EventsDeadLetters');
    const [[, config]] = ofType('AWS::Lambda::EventInvokeConfig') as [[string, Resource]];
    expect(config.Properties).toMatchObject({
      FunctionName: { Ref: functionOf('receive-event') },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: arnOf(deadLetters) } },
    });
    const receiver = resource(functionOf('receive-event'));
    expect(
      (receiver.Properties.Environment as { Variables: Record<string, unknown> }).Variables
        .EVENT_DEAD_LETTERS_URL,
    ).toEqual({ Ref: deadLetters });
  });

  it('alarms on a message in either queue: a refused event, or timeline events not published', () => {
    for (const queue of [queueOf('EventsDeadLetters'), queueOf('EventsUnpublished')]) {
      const alarms = alarmOnQueue(queue);
      expect(alarms, queue).toHaveLength(1);
      expect(alarms[0]?.[1].Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
      });
    }
  });

  it('publishes from the table stream, new timeline items only, bisecting failures and reporting them', () => {
    const table = resources.JourneysTable;
    expect(table?.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    // The table's one mapping (the mail queue has the other).
    const [[, mapping], ...others] = ofType('AWS::Lambda::EventSourceMapping').filter(([, candidate]) =>
      JSON.stringify(candidate.Properties.EventSourceArn).includes('StreamArn'),
    ) as [[string, Resource]];
    expect(others).toEqual([]);
    expect(mapping.Properties).toMatchObject({
      FunctionName: { Ref: functionOf('publish-events') },
      EventSourceArn: { 'Fn::GetAtt': ['JourneysTable', 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: arnOf(queueOf('EventsUnpublished')) } },
    });
    const filters = (mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'EVENT#' }] } } } },
    ]);
  });

  it('lets publish-events put events on the journeys bus only, and write nothing in the table', () => {
    const [[busId]] = ofType('AWS::Events::EventBus') as [[string, Resource]];
    const role = (
      resource(functionOf('publish-events')).Properties.Role as { 'Fn::GetAtt': [string, string] }
    )['Fn::GetAtt'][0];
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(`"${role}"`))
      .flatMap(
        ([, policy]) =>
          (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
      );
    const putting = statements.filter((statement) => JSON.stringify(statement.Action).includes('events:'));
    expect(putting).toEqual([
      expect.objectContaining({ Action: 'events:PutEvents', Resource: arnOf(busId) }),
    ]);
    expect(JSON.stringify(statements)).not.toMatch(/dynamodb:(Put|Update|Delete|BatchWrite)/);
  });
});
