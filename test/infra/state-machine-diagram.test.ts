import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeJourneysTemplate } from '#infra/synthesize.ts';
import { stateMachineDefinitions } from '#infra/synthesized-template.ts';
import {
  readmeDiagramSection,
  replaceReadmeDiagramSection,
  stateMachineDiagram,
  stateMachineDiagramsMarkdown,
} from '../../scripts/state-machine-diagram.ts';

type AslStates = { States: Record<string, { ItemProcessor?: AslStates; Branches?: AslStates[] }> };

const stateNames = (states: AslStates): string[] =>
  Object.entries(states.States).flatMap(([name, state]) => [
    name,
    ...[state.ItemProcessor, ...(state.Branches ?? [])].flatMap((inner) => (inner ? stateNames(inner) : [])),
  ]);

let template: Record<string, unknown>;

beforeAll(() => {
  template = synthesizeJourneysTemplate();
});

describe('README "Journey state machines"', () => {
  it('shows the diagrams of the synthesized state machines (run `npm run diagram` when this fails)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readmeDiagramSection(readme)).toBe(stateMachineDiagramsMarkdown(template));
  });

  it('draws every state of every state machine', () => {
    const section = readmeDiagramSection(readFileSync('README.md', 'utf8'));
    const machines = stateMachineDefinitions(template);
    expect(machines.map((machine) => machine.name)).toEqual([
      'OfferFollowUp',
      'Onboarding',
      'OnboardingFollowUp',
      'OnboardingMilestones',
    ]);
    for (const { name, definition } of machines) {
      expect(section).toContain(`title: ${name}`);
      for (const state of stateNames(definition as AslStates)) {
        expect(section, `${name}: ${state}`).toMatch(new RegExp(`^ +(subgraph )?${state}[[{(]`, 'm'));
      }
    }
  });
});

describe('stateMachineDiagram', () => {
  const definition = {
    StartAt: 'Plan',
    States: {
      Plan: { Type: 'Task', Next: 'Rounds', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Flag' }] },
      Rounds: {
        Type: 'Map',
        MaxConcurrency: 1,
        Next: 'Both',
        ItemProcessor: {
          StartAt: 'Wait',
          States: {
            Wait: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Next: 'Ask' },
            Ask: {
              Type: 'Map',
              End: true,
              ItemProcessor: { StartAt: 'Form', States: { Form: { Type: 'Task', End: true } } },
            },
          },
        },
      },
      Both: {
        Type: 'Parallel',
        Next: 'Decide',
        Branches: [
          { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
          { StartAt: 'Right', States: { Right: { Type: 'Pass', End: true } } },
        ],
      },
      Decide: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.outcome.decision', StringEquals: 'a"b', Next: 'Done' },
          {
            And: [
              { Variable: '$.outcome.count', NumericLessThan: 3 },
              { Variable: '$.outcome.at', IsNull: false },
            ],
            Next: 'Plan',
          },
        ],
        Default: 'Flag',
      },
      Done: { Type: 'Succeed' },
      Flag: { Type: 'Fail' },
    },
  };

  it('draws a flowchart with Map and Parallel states as nested subgraphs and every transition', () => {
    expect(stateMachineDiagram(definition, 'Sample')).toBe(
      [
        '---',
        'title: Sample',
        '---',
        'flowchart TD',
        '  Plan["Plan"]',
        '  subgraph Rounds["Rounds (for each item, one at a time)"]',
        '    Wait["Wait<br/>(callback)"]',
        '    subgraph Ask["Ask (for each item, all at once)"]',
        '      Form["Form"]',
        '    end',
        '  end',
        '  subgraph Both["Both (in parallel)"]',
        '    Left["Left"]',
        '    Right["Right"]',
        '  end',
        '  Decide{"Decide"}',
        '  Done(["Done"])',
        '  Flag(["Flag"])',
        '  Plan --> Rounds',
        '  Plan -.->|"any error"| Flag',
        '  Wait --> Ask',
        '  Rounds --> Both',
        '  Both --> Decide',
        '  Decide -->|"outcome.decision = a#quot;b"| Done',
        '  Decide -->|"outcome.count #lt; 3 and outcome.at is set"| Plan',
        '  Decide -->|"otherwise"| Flag',
      ].join('\n'),
    );
  });

  it('draws the end of an execution that ends on a task as one end node, not the end of an iteration', () => {
    const endsOnTasks = {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Map',
          Next: 'Decide',
          ItemProcessor: { StartAt: 'Form', States: { Form: { Type: 'Task', End: true } } },
        },
        Decide: {
          Type: 'Choice',
          Choices: [{ Variable: '$.yes', BooleanEquals: true, Next: 'Go' }],
          Default: 'Stop',
        },
        Go: { Type: 'Task', End: true },
        Stop: { Type: 'Task', End: true },
      },
    };
    expect(stateMachineDiagram(endsOnTasks, 'Ends').split('\n').slice(4)).toEqual([
      '  subgraph Ask["Ask (for each item, all at once)"]',
      '    Form["Form"]',
      '  end',
      '  Decide{"Decide"}',
      '  Go["Go"]',
      '  Stop["Stop"]',
      '  ExecutionEnds(["end"])',
      '  Ask --> Decide',
      '  Decide -->|"yes = true"| Go',
      '  Decide -->|"otherwise"| Stop',
      '  Go --> ExecutionEnds',
      '  Stop --> ExecutionEnds',
    ]);
  });

  it('refuses a definition whose state names repeat, which Mermaid would merge into one node', () => {
    const repeated = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Next: 'Step',
          ItemProcessor: { StartAt: 'Step', States: { Step: { Type: 'Pass' } } },
        },
        Step: { Type: 'Succeed' },
      },
    };
    expect(() => stateMachineDiagram(repeated, 'Repeated')).toThrow(/Step is used twice/);
  });
});

describe('replaceReadmeDiagramSection', () => {
  it('replaces only what is between the markers', () => {
    const readme = 'intro\n<!-- diagram:start -->\nold\n<!-- diagram:end -->\nrest\n';
    expect(replaceReadmeDiagramSection(readme, 'new')).toBe(
      'intro\n<!-- diagram:start -->\nnew\n<!-- diagram:end -->\nrest\n',
    );
    expect(() => replaceReadmeDiagramSection('no markers', 'new')).toThrow(/diagram:start/);
  });
});
