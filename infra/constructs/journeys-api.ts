import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type AddRoutesOptions,
  type CfnStage,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface JourneysApiProps {
  readonly startJourney: IFunction;
  readonly getJourney: IFunction;
  readonly listJourneys: IFunction;
  readonly getReport: IFunction;
  readonly listAttention: IFunction;
  readonly handleAlert: IFunction;
  readonly rescheduleJourney: IFunction;
  readonly cancelJourney: IFunction;
  readonly recordDeparture: IFunction;
  readonly reissueForm: IFunction;
  readonly eraseJourney: IFunction;
  readonly getCalendarSettings: IFunction;
  readonly putCalendarSettings: IFunction;
  /** `GET /settings/templates` and `GET /settings/templates/{name}`. */
  readonly getTemplates: IFunction;
  readonly putTemplate: IFunction;
  readonly getOpenApi: IFunction;
  readonly showForm: IFunction;
  readonly submitForm: IFunction;
  /** HR's console, the pages that read: every route in `CONSOLE_ROUTES`. */
  readonly console: IFunction;
  /** HR's console, the forms that change journeys: every route in `CONSOLE_ACTION_ROUTES`. */
  readonly consoleActions: IFunction;
}

const FORM_ROUTES = ['GET /forms/{token}', 'POST /forms/{token}'];

/**
 * The console's routes, all served by the one console function, which dispatches on the route key
 * (`functions/console/handler.ts`). A new console page adds its route here.
 */
export const CONSOLE_ROUTES = [
  'GET /',
  'GET /console',
  'GET /console/sign-in',
  'GET /console/callback',
  'GET /console/signed-out',
  'POST /console/sign-out',
  'GET /console/journeys/new',
  'GET /console/journeys/{id}',
  'GET /console/journeys/{id}/forms/{formId}',
  'GET /console/attention',
  'GET /console/reports',
  'GET /console/settings/calendar',
] as const;

/**
 * The console's forms that change journeys, served by a function of their own (`functions/console-actions`): only
 * it holds the grants to write, mail and start or stop executions, so the pages that read cannot.
 */
export const CONSOLE_ACTION_ROUTES = [
  'POST /console/journeys',
  'POST /console/journeys/{id}/move',
  'POST /console/journeys/{id}/cancel',
  'POST /console/journeys/{id}/left',
  'POST /console/journeys/{id}/erase',
  'POST /console/journeys/{id}/forms/{formId}/reissue',
  'POST /console/journeys/{id}/alerts/{alertId}/handled',
  'POST /console/settings/calendar',
] as const;

/**
 * The HTTP API. HR's systems call the journey routes with SigV4 (IAM); the form routes are public because
 * the signed, expiring, single-use link in the path is what authenticates the person answering; the console's
 * routes are public too, its function letting in only a session made by a Cognito sign-in.
 */
export class JourneysApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The routes HR's systems call with SigV4: only an identity allowed `execute-api:Invoke` on one gets in. */
  readonly hrRoutes = new Map<string, HttpRoute>();

  constructor(scope: Construct, id: string, props: JourneysApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', {
      description:
        'Follow-up journeys: HR starts, reads, moves, cancels and erases journeys; people answer emailed forms',
      createDefaultStage: false,
    });

    const hr = new HttpIamAuthorizer();
    const hrRoute = (options: Omit<AddRoutesOptions, 'authorizer'> & { methods: [HttpMethod] }) => {
      const [route] = this.api.addRoutes({ ...options, authorizer: hr });
      if (route) this.hrRoutes.set(`${options.methods[0]} ${options.path}`, route);
    };
    hrRoute({
      path: '/journeys',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('StartJourney', props.startJourney),
    });
    hrRoute({
      path: '/journeys',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('ListJourneys', props.listJourneys),
    });
    // What HR must act on: the queue, and an alert marked handled (the caller's identity goes into the timeline).
    hrRoute({
      path: '/attention',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('ListAttention', props.listAttention),
    });
    hrRoute({
      path: '/journeys/{id}/alerts/{alertId}/handled',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('HandleAlert', props.handleAlert),
    });
    hrRoute({
      path: '/reports',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('GetReport', props.getReport),
    });
    hrRoute({
      path: '/journeys/{id}',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('GetJourney', props.getJourney),
    });
    hrRoute({
      path: '/journeys/{id}',
      methods: [HttpMethod.PATCH],
      integration: new HttpLambdaIntegration('RescheduleJourney', props.rescheduleJourney),
    });
    hrRoute({
      path: '/journeys/{id}/cancel',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('CancelJourney', props.cancelJourney),
    });
    hrRoute({
      path: '/journeys/{id}/left',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('RecordDeparture', props.recordDeparture),
    });
    hrRoute({
      path: '/journeys/{id}/forms/{formId}/reissue',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('ReissueForm', props.reissueForm),
    });
    // Erasure on request: only callers HR's IAM policies allow `execute-api:Invoke` on this route can erase.
    hrRoute({
      path: '/journeys/{id}',
      methods: [HttpMethod.DELETE],
      integration: new HttpLambdaIntegration('EraseJourney', props.eraseJourney),
    });
    // The company calendar every schedule is computed with: HR's data, as closely held as the journeys.
    hrRoute({
      path: '/settings/calendar',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('GetCalendarSettings', props.getCalendarSettings),
    });
    hrRoute({
      path: '/settings/calendar',
      methods: [HttpMethod.PUT],
      integration: new HttpLambdaIntegration('PutCalendarSettings', props.putCalendarSettings),
    });
    // Journey templates: how the company runs its onboarding months, HR's like the calendar.
    const getTemplates = new HttpLambdaIntegration('GetTemplates', props.getTemplates);
    hrRoute({ path: '/settings/templates', methods: [HttpMethod.GET], integration: getTemplates });
    hrRoute({ path: '/settings/templates/{name}', methods: [HttpMethod.GET], integration: getTemplates });
    hrRoute({
      path: '/settings/templates/{name}',
      methods: [HttpMethod.PUT],
      integration: new HttpLambdaIntegration('PutTemplate', props.putTemplate),
    });
    // The API's description: IAM like the routes it describes, so it tells no one outside HR what HR can do.
    hrRoute({
      path: '/openapi.json',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('GetOpenApi', props.getOpenApi),
    });
    const formRoutes = [
      ...this.api.addRoutes({
        path: '/forms/{token}',
        methods: [HttpMethod.GET],
        integration: new HttpLambdaIntegration('ShowForm', props.showForm),
      }),
      ...this.api.addRoutes({
        path: '/forms/{token}',
        methods: [HttpMethod.POST],
        integration: new HttpLambdaIntegration('SubmitForm', props.submitForm),
      }),
    ];
    acknowledgePublicRoutes(formRoutes);

    const consoleRoutes = (routeKeys: readonly string[], integration: HttpLambdaIntegration) =>
      routeKeys.flatMap((routeKey) => {
        const [method = '', path = ''] = routeKey.split(' ');
        return this.api.addRoutes({ path, methods: [method as HttpMethod], integration });
      });
    acknowledgeConsoleRoutes([
      ...consoleRoutes(CONSOLE_ROUTES, new HttpLambdaIntegration('Console', props.console)),
      ...consoleRoutes(
        CONSOLE_ACTION_ROUTES,
        new HttpLambdaIntegration('ConsoleActions', props.consoleActions),
      ),
    ]);

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { burstLimit: 50, rateLimit: 20 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH }),
        ),
        // The route key, never the path: form paths carry link tokens, which must not end up in logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            caller: '$context.identity.userArn',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
    // People open a form a few times at most; a tighter limit there keeps link guessing and floods cheap.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      FORM_ROUTES.map((routeKey) => [routeKey, { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 }]),
    );
  }

  /** The API's public URL, without a trailing slash (links are `${url}/forms/<token>`). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}

const acknowledgeConsoleRoutes = (routes: HttpRoute[]): void => {
  const reason =
    'Console routes are opened in HR staff browsers, which hold no AWS credentials: the function checks its own ' +
    'encrypted session cookie, made only after an OpenID Connect sign-in with the Cognito user pool (hr or ' +
    'hr-lead group), and a CSRF token on every POST (shared/console). A Cognito authorizer would need a bearer ' +
    'token in a header, which a browser page without script cannot send.';
  for (const route of routes) {
    Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    Validations.of(route).acknowledge({ id: 'AwsSolutions-COG4', reason });
  }
};

const acknowledgePublicRoutes = (routes: HttpRoute[]): void => {
  const reason =
    'Form routes are opened from emailed links by people without AWS credentials; each request is ' +
    'authenticated by the HMAC-signed, expiring, single-use token in the path (shared/links).';
  for (const route of routes) {
    Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    Validations.of(route).acknowledge({ id: 'AwsSolutions-COG4', reason });
  }
};
