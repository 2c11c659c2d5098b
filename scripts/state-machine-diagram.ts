/**
 * Mermaid diagrams of the journey state machines, drawn from the synthesized template so they always show
 * what is deployed. `npx tsx scripts/state-machine-diagram.ts` prints them; `npm run diagram` (`--readme`)
 * also writes them into README.md between the diagram markers (a test keeps that section up to date).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeJourneysTemplate } from '#infra/synthesize.ts';
import { stateMachineDefinitions } from '#infra/synthesized-template.ts';

interface AslState {
  Type: string;
  Resource?: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  Choices?: (AslCondition & { Next: string })[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  ItemProcessor?: AslStates;
  Iterator?: AslStates;
  Branches?: AslStates[];
  MaxConcurrency?: number;
}

interface AslStates {
  StartAt: string;
  States: Record<string, AslState>;
}

type AslCondition = Record<string, unknown> & {
  Variable?: string;
  And?: AslCondition[];
  Or?: AslCondition[];
  Not?: AslCondition;
};

const OPERATORS: [RegExp, string][] = [
  [/Equals(Path)?$/, '='],
  [/GreaterThanEquals(Path)?$/, '>='],
  [/LessThanEquals(Path)?$/, '<='],
  [/GreaterThan(Path)?$/, '>'],
  [/LessThan(Path)?$/, '<'],
  [/Matches$/, 'matches'],
];

/** A Choice rule the way a reader says it: `outcome.decision = accepted`, `outcome.askAgainAt is set`. */
const describeCondition = (condition: AslCondition): string => {
  if (condition.And) return condition.And.map(describeCondition).join(' and ');
  if (condition.Or) return condition.Or.map(describeCondition).join(' or ');
  if (condition.Not) return `not (${describeCondition(condition.Not)})`;
  const variable = (condition.Variable ?? '').replace(/^\$\.?/, '');
  const [operator, value] = Object.entries(condition).find(([key]) => key !== 'Variable') ?? ['', ''];
  if (operator === 'IsNull') return value ? `${variable} is null` : `${variable} is set`;
  if (operator === 'IsPresent') return value ? `${variable} is present` : `${variable} is absent`;
  const symbol = OPERATORS.find(([pattern]) => pattern.test(operator))?.[1] ?? operator;
  const operand = operator.endsWith('Path') ? String(value).replace(/^\$\.?/, '') : String(value);
  return `${variable} ${symbol} ${operand}`;
};

const describeErrors = (errors: string[]): string =>
  errors.includes('States.ALL') ? 'any error' : errors.join(', ');

// Mermaid reads entity codes in quoted labels; quotes and angle brackets would end or open markup.
const escapeLabel = (text: string): string =>
  text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');

/** A quoted Mermaid label, one line per argument. */
const label = (...lines: string[]): string => `"${lines.map(escapeLabel).join('<br/>')}"`;

const nodeId = (stateName: string): string => stateName.replace(/[^A-Za-z0-9_]/g, '_');

const mapLabel = (name: string, maxConcurrency: number | undefined): string => {
  if (maxConcurrency === 1) return `${name} (for each item, one at a time)`;
  if (maxConcurrency) return `${name} (for each item, up to ${maxConcurrency} at a time)`;
  return `${name} (for each item, all at once)`;
};

const node = (name: string, state: AslState): string => {
  const id = nodeId(name);
  switch (state.Type) {
    case 'Choice':
      return `${id}{${label(name)}}`;
    case 'Succeed':
    case 'Fail':
      return `${id}([${label(name)}])`;
    default:
      // Callback tasks are where a journey waits on a person or a timer.
      return state.Resource?.endsWith('.waitForTaskToken')
        ? `${id}[${label(name, '(callback)')}]`
        : `${id}[${label(name)}]`;
  }
};

/** Where an execution ends on a state with `End` rather than on a Succeed state: one node for them all. */
const EXECUTION_END = 'ExecutionEnds';

/**
 * A `flowchart TD` of one state machine: a node per state (Map and Parallel states as subgraphs holding their
 * states), and an edge per transition: Next, each Choice rule, Default, Catch (dotted), and from each state that
 * ends the execution to one end node.
 */
export const stateMachineDiagram = (definition: Record<string, unknown>, name: string): string => {
  const lines = ['---', `title: ${name}`, '---', 'flowchart TD'];
  const edges: string[] = [];
  const seen = new Set<string>();

  const addEdge = (from: string, to: string, arrow: '-->' | '-.->', text?: string) => {
    const edge = `  ${nodeId(from)} ${arrow}${text ? `|${label(text)}|` : ''} ${nodeId(to)}`;
    if (!edges.includes(edge)) edges.push(edge);
  };

  let ends = false;
  // Only the machine's own states end the execution; inside a Map or Parallel, `End` ends an iteration or branch.
  const draw = (states: AslStates, indent: string, topLevel: boolean) => {
    for (const [stateName, state] of Object.entries(states.States)) {
      if (seen.has(stateName)) throw new Error(`State name ${stateName} is used twice in ${name}`);
      seen.add(stateName);
      const inner = [state.ItemProcessor ?? state.Iterator, ...(state.Branches ?? [])].filter(
        (scope): scope is AslStates => scope !== undefined,
      );
      if (inner.length > 0) {
        const title =
          state.Type === 'Parallel'
            ? `${stateName} (in parallel)`
            : mapLabel(stateName, state.MaxConcurrency);
        lines.push(`${indent}subgraph ${nodeId(stateName)}[${label(title)}]`);
        for (const scope of inner) draw(scope, `${indent}  `, false);
        lines.push(`${indent}end`);
      } else {
        lines.push(`${indent}${node(stateName, state)}`);
      }
      if (state.Next) addEdge(stateName, state.Next, '-->');
      if (state.End && topLevel) {
        ends = true;
        addEdge(stateName, EXECUTION_END, '-->');
      }
      for (const choice of state.Choices ?? [])
        addEdge(stateName, choice.Next, '-->', describeCondition(choice));
      if (state.Default) addEdge(stateName, state.Default, '-->', 'otherwise');
      for (const handler of state.Catch ?? []) {
        addEdge(stateName, handler.Next, '-.->', describeErrors(handler.ErrorEquals));
      }
    }
  };

  draw(definition as unknown as AslStates, '  ', true);
  if (ends) lines.push(`  ${EXECUTION_END}([${label('end')}])`);
  // Edges after every node: Mermaid puts a node in the subgraph where it is first mentioned.
  return [...lines, ...edges].join('\n');
};

/** One markdown section per state machine of the template, in the order the stack defines them. */
export const stateMachineDiagramsMarkdown = (template: Record<string, unknown>): string =>
  stateMachineDefinitions(template)
    .map(({ name, logicalId, definition }) => {
      const title = name ?? logicalId;
      return `### ${title}\n\n\`\`\`mermaid\n${stateMachineDiagram(definition, title)}\n\`\`\``;
    })
    .join('\n\n');

export const DIAGRAM_START = '<!-- diagram:start -->';
export const DIAGRAM_END = '<!-- diagram:end -->';

/** What README.md holds between the markers. */
export const readmeDiagramSection = (readme: string): string => {
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${DIAGRAM_START} ... ${DIAGRAM_END}`);
  return readme.slice(start + DIAGRAM_START.length, end).trim();
};

export const replaceReadmeDiagramSection = (readme: string, markdown: string): string => {
  readmeDiagramSection(readme);
  const start = readme.indexOf(DIAGRAM_START) + DIAGRAM_START.length;
  return `${readme.slice(0, start)}\n${markdown}\n${readme.slice(readme.indexOf(DIAGRAM_END))}`;
};

if (process.argv[1] === import.meta.filename) {
  const markdown = stateMachineDiagramsMarkdown(synthesizeJourneysTemplate());
  if (process.argv.includes('--readme')) {
    const path = join(import.meta.dirname, '..', 'README.md');
    writeFileSync(path, replaceReadmeDiagramSection(readFileSync(path, 'utf8'), markdown));
    console.log(`Updated the state machine diagrams in ${path}`);
  } else {
    console.log(markdown);
  }
}
