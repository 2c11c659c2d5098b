import { AssetHashType, DockerImage, Duration, type ILocalBundling } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  type CfnFunction,
  Code,
  Function as LambdaFunction,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { FUNCTION_HANDLER, functionBuildOptions } from '#infra/constructs/function-bundling.ts';
import { PROJECT_ROOT } from '#infra/project-root.ts';
import { FUNCTION_METADATA_KEY } from '#infra/stack-contract.ts';

/** The folders under `functions/`, one handler each. */
export type JourneyFunctionName =
  | 'start-journey'
  | 'get-journey'
  | 'list-journeys'
  | 'get-report'
  | 'list-attention'
  | 'handle-alert'
  | 'reschedule-journey'
  | 'cancel-journey'
  | 'record-departure'
  | 'reissue-form'
  | 'erase-journey'
  | 'show-form'
  | 'submit-form'
  | 'send-invitation'
  | 'request-form'
  | 'send-brief'
  | 'start-timer'
  | 'send-handoff'
  | 'schedule-onboarding'
  | 'close-journey'
  | 'fire-timer'
  | 'begin-onboarding'
  | 'schedule-round'
  | 'start-round'
  | 'send-session-brief'
  | 'share-summary'
  | 'raise-alert'
  | 'send-journey-summary'
  | 'get-calendar-settings'
  | 'put-calendar-settings'
  | 'get-templates'
  | 'put-template'
  | 'get-openapi'
  | 'console'
  | 'console-actions'
  | 'record-undeliverable'
  | 'receive-event'
  | 'publish-events'
  | 'rotate-link-key'
  | 'send-mail';

/**
 * Bundles a function with the local esbuild. CDK keeps a bundle by a key made of the bundling options as JSON, in
 * which this object's fields count and its method does not: the function's name keeps each function's bundle its
 * own.
 */
class LocalFunctionBundling implements ILocalBundling {
  constructor(readonly functionName: JourneyFunctionName) {}

  tryBundle(outputDir: string): boolean {
    buildSync(functionBuildOptions(PROJECT_ROOT, this.functionName, outputDir));
    return true;
  }
}

/**
 * A function's asset: its handler bundled as `index.mjs`, with the parts it loads on first use beside it
 * (NodejsFunction writes one file). Hashed by what the bundle holds, so an unchanged function is not uploaded
 * again; a stack left out of bundling (`aws:cdk:bundling-stacks`) is not bundled at all.
 */
const functionCode = (name: JourneyFunctionName): Code =>
  Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: bundling is local, and a failed build fails the synth.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs24.x'),
      local: new LocalFunctionBundling(name),
    },
  });

/** The newest Node.js runtime this aws-cdk-lib knows; cdk-nag's latest-runtime rule (AwsSolutions-L1) wants it. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

export const SERVICE_NAME = 'follow-up-journeys';

export interface JourneyFunctionProps {
  /** The handler folder: `functions/<name>/handler.ts`. */
  readonly name: JourneyFunctionName;
  readonly description: string;
  readonly environment?: Record<string, string>;
  /** @default 30 seconds */
  readonly timeout?: Duration;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default INFO */
  readonly logLevel?: string;
}

/**
 * One handler with the project's defaults, so each function is one line in the stack. It owns its role and log
 * group: the role carries only the grants the stack gives it (no AWS managed policy), and the log group sets
 * the retention the function's logs are kept for.
 */
export class JourneyFunction extends Construct implements iam.IGrantable {
  readonly lambda: LambdaFunction;
  readonly role: iam.Role;
  readonly logGroup: LogGroup;
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: JourneyFunctionProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} handler`,
    });
    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    this.logGroup.grantWrite(this.role);

    this.lambda = new LambdaFunction(this, 'Function', {
      code: functionCode(props.name),
      handler: FUNCTION_HANDLER,
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(30),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        LOG_LEVEL: props.logLevel ?? 'INFO',
        ...props.environment,
      },
    });
    (this.lambda.node.defaultChild as CfnFunction).addMetadata(FUNCTION_METADATA_KEY, props.name);
    this.grantPrincipal = this.lambda.grantPrincipal;
  }

  addEnvironment(variables: Record<string, string>): void {
    for (const [key, value] of Object.entries(variables)) this.lambda.addEnvironment(key, value);
  }
}
