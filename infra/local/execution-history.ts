import type { StateMachine } from 'aws-local-stepfunctions';

/** One entry of the library's event log (its type is not exported, only the generator that yields it). */
export type EngineEvent =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer Event> ? Event : never;

/** A history event as GetExecutionHistory returns it, with the time in epoch milliseconds. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

const json = (value: unknown): string => JSON.stringify(value ?? null);
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

/**
 * Turns aws-local-stepfunctions' event log into the events Step Functions writes, so a test reads an execution
 * the way it would in the console: which states ran, in order, with their input, output and errors. Task
 * events (scheduled, started, succeeded, failed) are derived from the state events around them.
 */
export class ExecutionHistory {
  readonly events: HistoryEvent[] = [];
  readonly #now: () => number;
  readonly #taskResources: ReadonlyMap<string, string>;
  readonly #region: string;
  readonly #roleArn: string;
  // States (by name and Map item) whose latest attempt failed: a caught failure exits without succeeding.
  readonly #failed = new Set<string>();

  constructor(options: {
    now: () => number;
    taskResources: ReadonlyMap<string, string>;
    region: string;
    roleArn: string;
  }) {
    this.#now = options.now;
    this.#taskResources = options.taskResources;
    this.#region = options.region;
    this.#roleArn = options.roleArn;
  }

  add(type: string, details: Record<string, unknown> = {}): void {
    const id = this.events.length + 1;
    this.events.push({ id, previousEventId: id - 1, timestamp: this.#now(), type, ...details });
  }

  record(event: EngineEvent): void {
    switch (event.type) {
      case 'ExecutionStarted':
        this.add('ExecutionStarted', {
          executionStartedEventDetails: { input: json(event.input), roleArn: this.#roleArn },
        });
        return;
      case 'ExecutionSucceeded':
        this.add('ExecutionSucceeded', {
          executionSucceededEventDetails: { output: json(event.output) },
        });
        return;
      case 'ExecutionFailed':
        this.add('ExecutionFailed', {
          executionFailedEventDetails: { error: event.Error, cause: text(event.Cause) },
        });
        return;
      case 'ExecutionTimeout':
        this.add('ExecutionTimedOut', { executionTimedOutEventDetails: {} });
        return;
      case 'ExecutionAborted':
        // Written by the service when it stops the execution: only it knows the error and cause given.
        return;
      case 'StateEntered': {
        const { name, type, input } = event.state;
        this.add(`${type}StateEntered`, { stateEnteredEventDetails: { name, input: json(input) } });
        if (type === 'Task') this.#taskAttempt(name);
        return;
      }
      case 'StateExited': {
        const { name, type, output } = event.state;
        const key = `${name}#${event.index ?? ''}`;
        if (!this.#failed.delete(key)) {
          if (type === 'Task') this.add('TaskSucceeded', { taskSucceededEventDetails: this.#resource(name) });
          if (type === 'Map' || type === 'Parallel') this.add(`${type}StateSucceeded`);
        }
        this.add(`${type}StateExited`, { stateExitedEventDetails: { name, output: json(output) } });
        return;
      }
      case 'StateFailed': {
        const { name, type } = event.state;
        this.#failed.add(`${name}#${event.index ?? ''}`);
        if (type === 'Task') {
          this.add('TaskFailed', {
            taskFailedEventDetails: { ...this.#resource(name), error: event.Error, cause: text(event.Cause) },
          });
        }
        if (type === 'Map' || type === 'Parallel') this.add(`${type}StateFailed`);
        return;
      }
      case 'StateRetried':
        this.#failed.delete(`${event.state.name}#${event.index ?? ''}`);
        if (event.state.type === 'Task') this.#taskAttempt(event.state.name);
        return;
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed': {
        const detailsKey = `mapIteration${event.type.slice('MapIteration'.length)}EventDetails`;
        this.add(event.type, { [detailsKey]: { name: event.parentState.name, index: event.index } });
        return;
      }
      default:
        // StateCaught and the Parallel branch events have no counterpart in Step Functions' history.
        return;
    }
  }

  #taskAttempt(name: string): void {
    this.add('TaskScheduled', {
      taskScheduledEventDetails: { ...this.#resource(name), region: this.#region },
    });
    this.add('TaskStarted', { taskStartedEventDetails: this.#resource(name) });
  }

  /** `arn:aws:states:::lambda:invoke.waitForTaskToken` is reported as type `lambda`, resource `invoke.wait…`. */
  #resource(name: string): { resourceType: string; resource: string } {
    const integration = this.#taskResources.get(name)?.split(':::')[1] ?? '';
    const separator = integration.indexOf(':');
    return { resourceType: integration.slice(0, separator), resource: integration.slice(separator + 1) };
  }
}
