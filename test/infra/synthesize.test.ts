import { beforeAll, describe, expect, it } from 'vitest';
import {
  functionHandlers,
  placeholderFunctionArn,
  stateMachineDefinitions,
  synthesizeJourneysTemplate,
} from '#infra/synthesize.ts';

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
    expect(resources.filter((resource) => resource.Type === 'AWS::Lambda::Function')).toHaveLength(12);
    expect(resources.filter((resource) => resource.Type === 'AWS::StepFunctions::StateMachine')).toHaveLength(
      1,
    );
  });
});

describe('functionHandlers', () => {
  it('maps each function placeholder ARN to its handler folder', () => {
    const handlers = functionHandlers(template);
    expect(Object.values(handlers).sort()).toEqual(
      [
        'close-journey',
        'fire-timer',
        'get-journey',
        'request-form',
        'schedule-onboarding',
        'send-brief',
        'send-handoff',
        'send-invitation',
        'show-form',
        'start-journey',
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
  it('resolves the definition to plain ASL that calls the handlers of the design', () => {
    const [machine, ...others] = stateMachineDefinitions(template);
    expect(others).toEqual([]);
    expect(machine?.name).toBe('OfferFollowUp');
    expect(machine?.logicalId).toMatch(/^OfferFollowUp/);
    expect(JSON.stringify(machine?.definition)).not.toMatch(/Fn::|"Ref"/);

    const handlers = functionHandlers(template);
    const folders = Object.fromEntries(
      Object.entries(taskFunctions(machine?.definition.States as Record<string, AslState>)).map(
        ([state, arn]) => [state, handlers[arn ?? '']],
      ),
    );
    expect(folders).toEqual({
      InviteCandidate: 'send-invitation',
      RequestInterviewerInsight: 'request-form',
      SendMeetingBrief: 'send-brief',
      AwaitMeetingEnd: 'start-timer',
      RequestOutcome: 'request-form',
      WaitBeforeAskingAgain: 'start-timer',
      SendHandoff: 'send-handoff',
      ScheduleOnboarding: 'schedule-onboarding',
      CloseAsDeclined: 'close-journey',
      CloseAsLapsed: 'close-journey',
      FlagForAttention: 'close-journey',
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
