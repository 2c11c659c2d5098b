import { readFile } from 'node:fs/promises';
import { formatRefusal, formatSuccess } from './api-answer.ts';
import { apiRequest } from './api-request.ts';
import { type Command, parseArguments } from './arguments.ts';
import { CallError, callApi } from './call-api.ts';
import { chooseLang, helpText } from './help-text.ts';

/** A command that cannot be sent as given (its file unreadable or not JSON): exit 2, as for bad arguments. */
class UsageError extends CallError {}

export const LOCAL_API = 'http://127.0.0.1:3000';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

/** Runs one command line and returns the exit code: 0 on 2xx, 1 on a refusal or failed call, 2 on a usage error. */
export const runCli = async (argv: string[], io: CliIo): Promise<number> => {
  const parsed = parseArguments(argv);
  const lang = chooseLang(parsed.options.lang, io.env);
  if (parsed.kind === 'help') {
    io.stdout(helpText(lang, parsed.command));
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`follow-up: ${parsed.message}\n\n${helpText(lang, parsed.command)}`);
    return 2;
  }
  const { command, options } = parsed;
  try {
    const body = command.name === 'start' ? await readJourney(command, io) : undefined;
    const answer = await callApi(
      {
        base: options.api ?? io.env.FOLLOW_UP_API ?? LOCAL_API,
        region: options.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION,
        credentials: awsCredentials,
      },
      apiRequest(command, body),
    );
    if (answer.status >= 200 && answer.status < 300) {
      io.stdout(formatSuccess(answer.body, options.json));
      return 0;
    }
    io.stderr(formatRefusal(answer.status, answer.body));
    return 1;
  } catch (error) {
    if (error instanceof CallError) {
      io.stderr(`follow-up: ${error.message}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    throw error;
  }
};

/** Loaded only to sign for a deployed stack, so local calls start quickly and never look for AWS credentials. */
const awsCredentials = async () => {
  const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
  return defaultProvider()();
};

const readJourney = async (command: Extract<Command, { name: 'start' }>, io: CliIo): Promise<unknown> => {
  const source = command.file === '-' ? 'standard input' : command.file;
  let text: string;
  try {
    text = command.file === '-' ? await io.readStdin() : await readFile(command.file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
};
