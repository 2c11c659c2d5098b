import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeJourneysTemplate } from '#infra/synthesize.ts';
import {
  functionHandlers,
  placeholderFunctionArn,
  stateMachineDefinitions,
} from '#infra/synthesized-template.ts';

type AslState = {
  Type: string;
  Parameters?: { FunctionName?: string };
  ItemProcessor?: { States: Record<string, AslState> };
};

let template: Record<string, unknown>;

beforeAll(() => {
  template = synthesizeJourneysTemplate();
});

const taskFunctions = (states: Record<string, AslState>): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(states).flatMap(([name, state]) => [
      ...(state.Type === 'Task' ? [[name, state.Parameters?.FunctionName]] : []),
      ...Object.entries(state.ItemProcessor ? taskFunctions(state.ItemProcessor.States) : {}),
    ]),
  );

describe('synthesizeJourneysTemplate', () => {
  it('returns the CloudFormation template of the stack', () => {
    const resources = Object.values(template.Resources as Record<string, { Type: string }>);
    // The 40 handlers, and CDK's own reader of the web ACL's ARN from us-east-1.
    expect(resources.filter((resource) => resource.Type === 'AWS::Lambda::Function')).toHaveLength(41);
    expect(resources.filter((resource) => resource.Type === 'AWS::StepFunctions::StateMachine')).toHaveLength(
      4,
    );
  });
});

describe('functionHandlers', () => {
  it('maps each function placeholder ARN to its handler folder', () => {
    const handlers = functionHandlers(template);
    expect(Object.values(handlers).sort()).toEqual(
      [
        'begin-onboarding',
        'cancel-journey',
        'close-journey',
        'console',
        'console-actions',
        'erase-journey',
        'fire-timer',
        'get-calendar-settings',
        'get-journey',
        'get-openapi',
        'get-report',
        'get-templates',
        'list-journeys',
        'list-attention',
        'handle-alert',
        'publish-events',
        'send-mail',
        'put-calendar-settings',
        'put-template',
        'raise-alert',
        'receive-event',
        'record-departure',
        'record-undeliverable',
        'reissue-form',
        'request-form',
        'reschedule-journey',
        'rotate-link-key',
        'schedule-onboarding',
        'schedule-round',
        'send-brief',
        'send-handoff',
        'send-invitation',
        'send-journey-summary',
        'send-session-brief',
        'share-summary',
        'show-form',
        'start-journey',
        'start-round',
        'start-timer',
        'submit-form',
      ].sort(),
    );
    for (const arn of Object.keys(handlers)) {
      expect(arn).toMatch(/^arn:aws:lambda:ap-northeast-1:000000000000:function:[A-Za-z0-9]+$/);
    }
  });
});

describe('stateMachineDefinitions', () => {
  it('resolves each definition to plain ASL that calls the handlers of the design', () => {
    const machines = stateMachineDefinitions(template);
    expect(machines.map((machine) => machine.name)).toEqual([
      'OfferFollowUp',
      'Onboarding',
      'OnboardingFollowUp',
      'OnboardingMilestones',
    ]);
    const handlers = functionHandlers(template);
    const folders = Object.fromEntries(
      machines.map((machine) => {
        expect(machine.logicalId).toMatch(new RegExp(`^${machine.name}StateMachine`));
        expect(JSON.stringify(machine.definition)).not.toMatch(/Fn::|"Ref"/);
        const tasks = taskFunctions(machine.definition.States as Record<string, AslState>);
        return [
          machine.name,
          Object.fromEntries(Object.entries(tasks).map(([state, arn]) => [state, handlers[arn ?? '']])),
        ];
      }),
    );
    expect(folders).toEqual({
      OfferFollowUp: {
        OpenOfferFollowUp: 'send-invitation',
        SendMeetingBrief: 'send-brief',
        RequestOutcome: 'request-form',
        CloseOffer: 'schedule-onboarding',
        FlagForAttention: 'close-journey',
      },
      Onboarding: {
        OpenRound: 'start-round',
        SendSessionBrief: 'send-session-brief',
        ActOnOutcome: 'raise-alert',
        CloseRound: 'schedule-round',
        FlagForAttention: 'close-journey',
      },
      OnboardingFollowUp: {
        SendFollowUpBrief: 'send-session-brief',
        ActOnOutcome: 'raise-alert',
        CloseRound: 'schedule-round',
        FlagForAttention: 'close-journey',
      },
      OnboardingMilestones: {
        BeginOrEndOnboarding: 'begin-onboarding',
        FlagForAttention: 'close-journey',
      },
    });
  });

  it('gives references to other resources placeholder values, and refuses intrinsics it cannot resolve', () => {
    const fake = (definition: unknown) => ({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function' },
        Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definition } },
      },
    });
    const [machine] = stateMachineDefinitions(
      fake({
        'Fn::Join': [
          '',
          [
            '{"a":"',
            { 'Fn::GetAtt': ['Fn', 'Arn'] },
            '","b":"',
            { Ref: 'AWS::Region' },
            '","c":"',
            { Ref: 'Fn' },
            '"}',
          ],
        ],
      }),
    );
    expect(machine?.definition).toEqual({ a: placeholderFunctionArn('Fn'), b: 'ap-northeast-1', c: 'Fn' });
    expect(() => stateMachineDefinitions(fake({ 'Fn::Sub': 'x' }))).toThrow(/Cannot resolve/);
  });
});
