import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApiCallerPolicies } from '#infra/constructs/api-caller-policies.ts';
import { ConsoleUsers } from '#infra/constructs/console-users.ts';
import { IdentifierKey } from '#infra/constructs/identifier-key.ts';
import { JourneyAlarms } from '#infra/constructs/journey-alarms.ts';
import { JourneyEmail } from '#infra/constructs/journey-email.ts';
import { JourneyEvents } from '#infra/constructs/journey-events.ts';
import { JourneyFunction, type JourneyFunctionName } from '#infra/constructs/journey-function.ts';
import { JourneyTable } from '#infra/constructs/journey-table.ts';
import { JourneyTimers } from '#infra/constructs/journey-timers.ts';
import { JourneysApi } from '#infra/constructs/journeys-api.ts';
import { LinkSigningKey } from '#infra/constructs/link-signing-key.ts';
import { MailQueue } from '#infra/constructs/mail-queue.ts';
import { OfferFollowUpStateMachine } from '#infra/constructs/offer-follow-up-state-machine.ts';
import {
  OnboardingFollowUpStateMachine,
  OnboardingMilestonesStateMachine,
  OnboardingStateMachine,
} from '#infra/constructs/onboarding-state-machine.ts';
import { PublicEntry, type PublicEntryProps } from '#infra/constructs/public-entry.ts';
import { UndeliverableMail } from '#infra/constructs/undeliverable-mail.ts';
import { DEFAULT_SES_MAX_SEND_RATE } from '#infra/stack-contract.ts';
import { CALENDAR_PARTITION_KEY } from '#shared/domain/calendar-settings.ts';
import { TEMPLATES_PARTITION_KEY } from '#shared/domain/journey-template.ts';
import { DEFAULT_PRIVATE_NOTES_RETENTION_DAYS } from '#shared/domain/private-notes.ts';

export interface JourneysStackProps extends StackProps {
  /** The From address of every journey email; SES must be able to send from it. */
  readonly senderEmail: string;
  /**
   * Verify this domain in SES instead of the sender address alone.
   * @default - the sender address is the SES identity
   */
  readonly sesIdentityDomain?: string;
  /** The ARN of the web ACL (CLOUDFRONT scope, `EdgeProtectionStack`) in front of the public routes. */
  readonly webAclArn: string;
  /**
   * The host name of links and the console, with its ACM certificate (in us-east-1, as CloudFront wants).
   * @default - the CloudFront distribution's own name
   */
  readonly customDomain?: PublicEntryProps['customDomain'];
  /**
   * Reply-To of every journey email.
   * @default - each journey's HR contact
   */
  readonly hrReplyTo?: string;
  /**
   * The HR lead alerts go to when a journey names none of its own.
   * @default - the journey's HR contact
   */
  readonly hrLeadEmail?: string;
  /**
   * How alerts greet the HR lead at `hrLeadEmail`.
   * @default - the role ("HR lead")
   */
  readonly hrLeadName?: string;
  /** @default INFO */
  readonly logLevel?: string;
  /**
   * Days HR's private notes are kept after their journey ends; DynamoDB TTL then deletes them.
   * @default 365 (twelve months)
   */
  readonly privateNotesRetentionDays?: number;
  /**
   * The SES sending rate of the account (emails per second, `aws sesv2 get-account`): every mail sender paces
   * itself to share it.
   * @default 14, the rate of a new production SES account
   */
  readonly sesMaxSendRate?: number;
  /**
   * The prefix of the console's managed sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`), unique in
   * the region.
   * @default `follow-up-journeys-<account id>`
   */
  readonly consoleDomainPrefix?: string;
  /**
   * Who the alarms mail (an ops address); AWS first mails it a subscription to confirm.
   * @default - no subscriber: subscribe to the `AlarmTopicArn` output by hand
   */
  readonly alarmEmail?: string;
}

const HTTP_TIMEOUT = Duration.seconds(10);

/**
 * The follow-up journeys service: HR starts a journey over the API, a state machine per phase drives it,
 * handlers record every step in one table, mail people through SES and wait on forms and timers.
 */
export class JourneysStack extends Stack {
  readonly table: JourneyTable;
  readonly api: JourneysApi;
  readonly publicEntry: PublicEntry;
  readonly offerFollowUp: OfferFollowUpStateMachine;
  readonly onboarding: OnboardingStateMachine;
  readonly onboardingFollowUp: OnboardingFollowUpStateMachine;
  readonly onboardingMilestones: OnboardingMilestonesStateMachine;
  readonly consoleUsers: ConsoleUsers;
  readonly alarms: JourneyAlarms;
  readonly events: JourneyEvents;

  constructor(scope: Construct, id: string, props: JourneysStackProps) {
    super(scope, id, props);
    this.table = new JourneyTable(this, 'Journeys');
    const functions: JourneyFunction[] = [];
    const fn = (functionId: string, name: JourneyFunctionName, description: string, timeout?: Duration) => {
      const created = new JourneyFunction(this, functionId, {
        name,
        description,
        timeout,
        logLevel: props.logLevel,
        environment: { TABLE_NAME: this.table.table.tableName },
      });
      functions.push(created);
      return created;
    };

    const email = new JourneyEmail(this, 'Email', {
      senderEmail: props.senderEmail,
      identityDomain: props.sesIdentityDomain,
      replyTo: props.hrReplyTo,
    });
    const linkKey = new LinkSigningKey(this, 'LinkSigningKey', {
      encryptionKey: this.table.key,
      logLevel: props.logLevel,
    });
    functions.push(linkKey.rotation);

    // Starting the execution rides out StartExecution throttling (a cohort started at once): the client's
    // retries back off for up to about 13 s, longer than a read's timeout.
    const startJourney = fn('StartJourney', 'start-journey', 'POST /journeys', Duration.seconds(29));
    const getJourney = fn('GetJourney', 'get-journey', 'GET /journeys/{id}', HTTP_TIMEOUT);
    const listJourneys = fn('ListJourneys', 'list-journeys', 'GET /journeys', HTTP_TIMEOUT);
    // A report reads every journey starting in its period (up to a year), a few Queries each.
    const getReport = fn('GetReport', 'get-report', 'GET /reports', Duration.seconds(29));
    const listAttention = fn('ListAttention', 'list-attention', 'GET /attention', HTTP_TIMEOUT);
    const handleAlert = fn(
      'HandleAlert',
      'handle-alert',
      'POST /journeys/{id}/alerts/{alertId}/handled',
      HTTP_TIMEOUT,
    );
    const rescheduleJourney = fn(
      'RescheduleJourney',
      'reschedule-journey',
      'PATCH /journeys/{id}',
      HTTP_TIMEOUT,
    );
    const cancelJourney = fn('CancelJourney', 'cancel-journey', 'POST /journeys/{id}/cancel', HTTP_TIMEOUT);
    const recordDeparture = fn(
      'RecordDeparture',
      'record-departure',
      'POST /journeys/{id}/left',
      HTTP_TIMEOUT,
    );
    const reissueForm = fn(
      'ReissueForm',
      'reissue-form',
      'POST /journeys/{id}/forms/{formId}/reissue',
      HTTP_TIMEOUT,
    );
    // Erasure stops the journey, withdraws its meetings and deletes a partition of maybe a few hundred items.
    const eraseJourney = fn('EraseJourney', 'erase-journey', 'DELETE /journeys/{id}', Duration.seconds(29));
    const getCalendarSettings = fn(
      'GetCalendarSettings',
      'get-calendar-settings',
      'GET /settings/calendar',
      HTTP_TIMEOUT,
    );
    const putCalendarSettings = fn(
      'PutCalendarSettings',
      'put-calendar-settings',
      'PUT /settings/calendar',
      HTTP_TIMEOUT,
    );
    const getTemplates = fn(
      'GetTemplates',
      'get-templates',
      'GET /settings/templates, GET /settings/templates/{name}',
      HTTP_TIMEOUT,
    );
    const putTemplate = fn('PutTemplate', 'put-template', 'PUT /settings/templates/{name}', HTTP_TIMEOUT);
    const getOpenApi = fn('GetOpenApi', 'get-openapi', 'GET /openapi.json', HTTP_TIMEOUT);
    const showForm = fn('ShowForm', 'show-form', 'GET /forms/{token}', HTTP_TIMEOUT);
    const submitForm = fn('SubmitForm', 'submit-form', 'POST /forms/{token}', HTTP_TIMEOUT);
    const consolePages = fn('Console', 'console', "HR's console: sign-in and pages", HTTP_TIMEOUT);
    // Like erase-journey, the erasure it may run deletes a partition of maybe a few hundred items.
    const consoleActions = fn(
      'ConsoleActions',
      'console-actions',
      "HR's console: start, move, cancel, erase, send a link again, handle an alert, keep the calendar",
      Duration.seconds(29),
    );
    const sendInvitation = fn(
      'SendInvitation',
      'send-invitation',
      'Invites the candidate to the meeting and asks the interviewers for their insight',
    );
    const requestForm = fn('RequestForm', 'request-form', 'Emails a form link and stores the task token');
    const sendBrief = fn(
      'SendBrief',
      'send-brief',
      'Emails HR the meeting brief, then waits for the meeting to end',
    );
    const startTimer = fn('StartTimer', 'start-timer', 'Schedules the timer a waiting task resumes on');
    const sendHandoff = fn('SendHandoff', 'send-handoff', 'Emails the manager and mentor the handoff');
    const scheduleOnboarding = fn(
      'ScheduleOnboarding',
      'schedule-onboarding',
      'Closes the offer phase: the handoff and onboarding scheduled, or the journey ended',
    );
    const closeJourney = fn('CloseJourney', 'close-journey', 'Records how a journey ended');
    const fireTimer = fn('FireTimer', 'fire-timer', 'Runs a due timer (EventBridge Scheduler target)');
    const beginOnboarding = fn(
      'BeginOnboarding',
      'begin-onboarding',
      'Plans the onboarding rounds and schedules the first; completes the journey after its last checks',
    );
    const scheduleRound = fn(
      'ScheduleRound',
      'schedule-round',
      "Shares a session's outcome with the team, then schedules the next round or completes the journey",
    );
    const startRound = fn(
      'StartRound',
      'start-round',
      'Invites the hire to a round, reminds the manager and asks the team to prepare',
    );
    const sendSessionBrief = fn(
      'SendSessionBrief',
      'send-session-brief',
      'Emails HR the session brief, then waits for the session to end',
    );
    const shareSummary = fn(
      'ShareSummary',
      'share-summary',
      'Tells the manager what the hire agreed to share',
    );
    const raiseAlert = fn(
      'RaiseAlert',
      'raise-alert',
      "Alerts the HR lead on a session's alert, proposing a follow-up session; asks the hire to confirm a summary",
    );
    const sendJourneySummary = fn(
      'SendJourneySummary',
      'send-journey-summary',
      'Emails HR the journey summary',
    );
    const recordUndeliverable = fn(
      'RecordUndeliverable',
      'record-undeliverable',
      'Records a bounce or complaint on its journey and tells HR (SES events)',
    );
    // Starting a journey from an event is what POST /journeys does, and ending one may withdraw its meetings.
    const receiveEvent = fn(
      'ReceiveEvent',
      'receive-event',
      "Starts, moves or ends a journey on an event from HR's systems (journeys bus)",
      Duration.seconds(29),
    );
    const publishEvents = fn(
      'PublishEvents',
      'publish-events',
      'Publishes new timeline events to the journeys bus (table stream)',
    );
    const sendMail = fn('SendMail', 'send-mail', 'Sends the queued mail at the SES rate (mail queue)');
    const mailQueue = new MailQueue(this, 'Mail', {
      sender: sendMail,
      maxSendRate: props.sesMaxSendRate ?? DEFAULT_SES_MAX_SEND_RATE,
    });

    this.table.grantReadData(getJourney);
    this.table.grantReadData(listJourneys);
    this.table.grantReadData(getReport);
    this.table.grantReadData(listAttention);
    this.table.grantReadData(showForm);
    this.table.grantReadData(getCalendarSettings);
    this.table.grantReadData(consolePages);
    // The company calendar is one item; its writer can touch nothing else in the table.
    this.table.grantPutItemsIn(putCalendarSettings, CALENDAR_PARTITION_KEY);
    this.table.grantReadData(getTemplates);
    // It reads the newest version to number the next; it writes templates and nothing else.
    this.table.grantReadData(putTemplate);
    this.table.grantPutItemsIn(putTemplate, TEMPLATES_PARTITION_KEY);
    for (const writer of [
      startJourney,
      handleAlert,
      rescheduleJourney,
      cancelJourney,
      recordDeparture,
      reissueForm,
      // Read and write includes DeleteItem and BatchWriteItem: erasure deletes the journey's items.
      eraseJourney,
      consoleActions,
      submitForm,
      sendInvitation,
      requestForm,
      sendBrief,
      startTimer,
      sendHandoff,
      scheduleOnboarding,
      closeJourney,
      fireTimer,
      beginOnboarding,
      scheduleRound,
      startRound,
      sendSessionBrief,
      shareSummary,
      raiseAlert,
      sendJourneySummary,
      recordUndeliverable,
      receiveEvent,
      // It claims each email, and flags the journey of one that keeps failing.
      sendMail,
    ]) {
      this.table.grantReadWriteData(writer);
    }

    // Mail a person waits on goes out at once, from the function they called (`whilePersonWaits`).
    const personFacingSenders = [
      rescheduleJourney,
      cancelJourney,
      // A departure withdraws HR's copies of the meetings still ahead (and the person's, while still employed).
      recordDeparture,
      // It mails a form's recipient a fresh link.
      reissueForm,
      // Erasing a journey withdraws the meetings still ahead from people's calendars.
      eraseJourney,
      // Everything above, from the console.
      consoleActions,
      // A manager or mentor answering "worried" raises the alert as they submit.
      submitForm,
    ];
    // Every other mail goes through the mail queue.
    const queueingSenders = [
      sendInvitation,
      requestForm,
      sendBrief,
      sendHandoff,
      // CloseOffer sends the handoff.
      scheduleOnboarding,
      fireTimer,
      startRound,
      sendSessionBrief,
      shareSummary,
      raiseAlert,
      sendJourneySummary,
      // Both send the summary and complete the journey after its last round or check; schedule-round also
      // tells the team what a session's outcome allows.
      beginOnboarding,
      scheduleRound,
      // It mails HR when a journey stops and needs a person to look at it.
      closeJourney,
      // It tells HR whose address mail cannot reach.
      recordUndeliverable,
      // Moving or ending a journey from an event updates or withdraws its invitations.
      receiveEvent,
      // It flags the journey of a mail that keeps failing, which mails HR.
      sendMail,
    ];
    for (const sender of [...personFacingSenders, sendMail]) email.grantSend(sender);
    for (const sender of queueingSenders) mailQueue.grantQueueing(sender);
    for (const sender of [...personFacingSenders, ...queueingSenders])
      sender.addEnvironment(email.environment);
    // fire-timer tells the lead when a 1on1's outcome passes its deadline unrecorded.
    for (const alerter of [raiseAlert, submitForm, fireTimer]) {
      if (props.hrLeadEmail) alerter.addEnvironment({ HR_LEAD_EMAIL: props.hrLeadEmail });
      if (props.hrLeadEmail && props.hrLeadName) alerter.addEnvironment({ HR_LEAD_NAME: props.hrLeadName });
    }

    // start-round links the new hire's topics form in the invitation and schedules its closing.
    // The console derives its session and CSRF keys from the link key: no secret of its own.
    // raise-alert asks the new hire to confirm a team summary on a form of its own.
    const linkMakers = [
      requestForm,
      // The first task of the offer phase and of a round asks for the prep forms.
      sendInvitation,
      raiseAlert,
      fireTimer,
      reissueForm,
      startRound,
      consolePages,
      consoleActions,
    ];
    for (const linkUser of [showForm, submitForm, ...linkMakers]) {
      linkKey.grantRead(linkUser);
      linkUser.addEnvironment(linkKey.environment);
    }

    // Journey ids are derived where a journey starts, calendar UIDs where a meeting is first sent: a worried
    // prep answer (submit-form) proposes an extra session as it is submitted.
    const identifiers = new IdentifierKey(this, 'IdentifierKey', { encryptionKey: this.table.key });
    for (const deriving of [
      startJourney,
      consoleActions,
      sendInvitation,
      startRound,
      raiseAlert,
      submitForm,
      receiveEvent,
    ]) {
      identifiers.grantRead(deriving);
      deriving.addEnvironment(identifiers.environment);
    }

    const timers = new JourneyTimers(this, 'Timers', { target: fireTimer.lambda });
    // start-journey schedules onboarding for a journey posted directly in that phase; begin-onboarding schedules
    // the pulse checks.
    // At a session's end fire-timer opens HR's outcome form, which closes at its deadline.
    timers.grantScheduling(fireTimer);
    fireTimer.addEnvironment(timers.targetEnvironment);
    for (const scheduling of [
      startJourney,
      beginOnboarding,
      requestForm,
      sendInvitation,
      startTimer,
      scheduleOnboarding,
      scheduleRound,
      startRound,
      // The new hire's confirmation of a team summary closes at its deadline.
      raiseAlert,
      // The briefs' tasks wait for the meeting's or the session's end.
      sendBrief,
      sendSessionBrief,
      // HR's "still undecided" schedules the next ask (which fire-timer makes).
      submitForm,
      consoleActions,
      receiveEvent,
    ]) {
      timers.grantScheduling(scheduling);
      scheduling.addEnvironment(timers.environment);
    }
    // Moving a journey moves its pending timers (and drops a reminder the move made pointless); cancelling it
    // drops them all.
    timers.grantMoving(rescheduleJourney);
    timers.grantDeleting(rescheduleJourney);
    rescheduleJourney.addEnvironment(timers.environment);
    timers.grantDeleting(cancelJourney);
    cancelJourney.addEnvironment(timers.groupEnvironment);
    timers.grantDeleting(recordDeparture);
    recordDeparture.addEnvironment(timers.groupEnvironment);
    timers.grantDeleting(eraseJourney);
    timers.grantMoving(consoleActions);
    timers.grantDeleting(consoleActions);
    timers.grantMoving(receiveEvent);
    timers.grantDeleting(receiveEvent);
    eraseJourney.addEnvironment(timers.groupEnvironment);

    this.offerFollowUp = new OfferFollowUpStateMachine(this, 'OfferFollowUp', {
      functions: {
        sendInvitation: sendInvitation.lambda,
        requestForm: requestForm.lambda,
        sendBrief: sendBrief.lambda,
        scheduleOnboarding: scheduleOnboarding.lambda,
        closeJourney: closeJourney.lambda,
      },
      // Executions started on earlier definitions still call these: the waits for the meeting's end and
      // before asking again (now the brief's task, and a schedule), and the handoff (now part of CloseOffer).
      earlierDefinitionFunctions: [startTimer.lambda, sendHandoff.lambda],
    });
    const { stateMachine } = this.offerFollowUp;
    stateMachine.grantStartExecution(startJourney);
    startJourney.addEnvironment({ STATE_MACHINE_ARN: stateMachine.stateMachineArn });
    stateMachine.grantStartExecution(consoleActions);
    stateMachine.grantStartExecution(receiveEvent);

    const onboardingFunctions = {
      beginOnboarding: beginOnboarding.lambda,
      scheduleRound: scheduleRound.lambda,
      startRound: startRound.lambda,
      sendSessionBrief: sendSessionBrief.lambda,
      raiseAlert: raiseAlert.lambda,
      closeJourney: closeJourney.lambda,
    };
    this.onboarding = new OnboardingStateMachine(this, 'Onboarding', {
      functions: onboardingFunctions,
      // Executions started on earlier definitions still call these: the start date's and the end's (now
      // OnboardingMilestones), steps now part of schedule-round, the wait for the session's end (now the brief's
      // task), and the team's prep and HR's outcome asked in tasks of their own (now the round's first task and
      // the brief's).
      earlierDefinitionFunctions: [
        requestForm.lambda,
        beginOnboarding.lambda,
        shareSummary.lambda,
        sendJourneySummary.lambda,
        startTimer.lambda,
      ],
    });
    this.onboardingFollowUp = new OnboardingFollowUpStateMachine(this, 'OnboardingFollowUp', {
      functions: onboardingFunctions,
      earlierDefinitionFunctions: [startTimer.lambda, requestForm.lambda],
    });
    this.onboardingMilestones = new OnboardingMilestonesStateMachine(this, 'OnboardingMilestones', {
      functions: onboardingFunctions,
    });
    const onboardingMachines = [this.onboarding, this.onboardingFollowUp, this.onboardingMilestones];
    // The step after a session's outcome waits on the new hire's confirmation, or goes on at once itself.
    for (const machine of [this.onboarding, this.onboardingFollowUp]) {
      machine.grantTaskResponse('RaiseAlertResumesTasks', raiseAlert.role);
    }
    // fire-timer begins onboarding, starts rounds and ends it after the last checks; an alert (from the state
    // machine, or at a prep form's submission) starts the round's extra follow-up session.
    for (const machine of [this.onboarding, this.onboardingMilestones]) {
      machine.grantStartExecution(fireTimer);
      fireTimer.addEnvironment(machine.environment);
    }
    for (const starter of [raiseAlert, submitForm]) {
      this.onboardingFollowUp.grantStartExecution(starter);
      starter.addEnvironment(this.onboardingFollowUp.environment);
    }

    // A cancelled, erased or left journey stops whichever phase is running.
    for (const stopper of [cancelJourney, recordDeparture, eraseJourney, consoleActions, receiveEvent]) {
      this.offerFollowUp.grantStopExecution(stopper);
      stopper.addEnvironment({ STATE_MACHINE_ARN: stateMachine.stateMachineArn });
      for (const machine of onboardingMachines) {
        machine.grantStopExecution(stopper);
        stopper.addEnvironment(machine.environment);
      }
    }

    // Private notes start their retention period when a journey ends (closed, cancelled or left), or when they are
    // submitted to a journey that has just ended.
    const retentionDays = props.privateNotesRetentionDays ?? DEFAULT_PRIVATE_NOTES_RETENTION_DAYS;
    for (const ender of [
      closeJourney,
      // CloseOffer ends a declined or lapsed offer's journey.
      scheduleOnboarding,
      beginOnboarding,
      scheduleRound,
      cancelJourney,
      recordDeparture,
      consoleActions,
      submitForm,
      receiveEvent,
    ]) {
      ender.addEnvironment({ PRIVATE_NOTES_RETENTION_DAYS: String(retentionDays) });
    }

    for (const machine of [this.offerFollowUp, this.onboarding, this.onboardingFollowUp]) {
      machine.grantTaskResponse('SubmitFormResumesTasks', submitForm.role);
      machine.grantTaskResponse('RequestFormResumesTasks', requestForm.role);
      machine.grantTaskResponse('FireTimerResumesTasks', fireTimer.role);
      // Forms to an address mail cannot reach close at once, and their waiting steps go on.
      machine.grantTaskResponse('RecordUndeliverableResumesTasks', recordUndeliverable.role);
    }
    // The first task of each asks for the prep forms, and goes on at once when a retry finds them all settled.
    this.offerFollowUp.grantTaskResponse('SendInvitationResumesTasks', sendInvitation.role);
    this.onboarding.grantTaskResponse('StartRoundResumesTasks', startRound.role);
    const undeliverable = new UndeliverableMail(this, 'UndeliverableMail', {
      configurationSet: email.configurationSet,
      handler: recordUndeliverable.lambda,
    });
    this.events = new JourneyEvents(this, 'Events', {
      table: this.table,
      receiver: receiveEvent,
      publisher: publishEvents,
    });

    this.api = new JourneysApi(this, 'Api', {
      startJourney: startJourney.lambda,
      getJourney: getJourney.lambda,
      listJourneys: listJourneys.lambda,
      getReport: getReport.lambda,
      listAttention: listAttention.lambda,
      handleAlert: handleAlert.lambda,
      rescheduleJourney: rescheduleJourney.lambda,
      cancelJourney: cancelJourney.lambda,
      recordDeparture: recordDeparture.lambda,
      reissueForm: reissueForm.lambda,
      eraseJourney: eraseJourney.lambda,
      getCalendarSettings: getCalendarSettings.lambda,
      putCalendarSettings: putCalendarSettings.lambda,
      getTemplates: getTemplates.lambda,
      putTemplate: putTemplate.lambda,
      getOpenApi: getOpenApi.lambda,
      showForm: showForm.lambda,
      submitForm: submitForm.lambda,
      console: consolePages.lambda,
      consoleActions: consoleActions.lambda,
    });
    this.publicEntry = new PublicEntry(this, 'PublicEntry', {
      api: this.api,
      webAclArn: props.webAclArn,
      customDomain: props.customDomain,
    });
    const baseUrl = this.publicEntry.url;
    // The console's own URL is where the provider sends people back to, and the origin its forms must come from.
    for (const linkMaker of linkMakers) {
      linkMaker.addEnvironment({ BASE_URL: baseUrl });
    }

    // The client names the API's URL and the console function names the client: API, then client, then the
    // function's environment, with no cycle.
    this.consoleUsers = new ConsoleUsers(this, 'ConsoleUsers', {
      baseUrl,
      domainPrefix: props.consoleDomainPrefix ?? `follow-up-journeys-${this.account}`,
    });
    consolePages.addEnvironment(this.consoleUsers.environment);
    consoleActions.addEnvironment(this.consoleUsers.environment);

    this.alarms = new JourneyAlarms(this, 'Alarms', {
      alarmEmail: props.alarmEmail,
      stateMachines: [this.offerFollowUp, ...onboardingMachines],
      functions,
      timers,
      eventDeadLetters: undeliverable.deadLetters,
      journeyEvents: this.events,
      mailDeadLetters: mailQueue.deadLetters,
    });

    const apiCallers = new ApiCallerPolicies(this, 'ApiCallers', { api: this.api });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.url,
      description: "Base URL of the HTTP API: HR's systems call it with SigV4 (README: Calling the API)",
    });
    new CfnOutput(this, 'ApiCallerPolicyArn', {
      value: apiCallers.caller.managedPolicyArn,
      description: "Attach to the role of HR's system that calls the API",
    });
    new CfnOutput(this, 'ApiErasurePolicyArn', {
      value: apiCallers.eraser.managedPolicyArn,
      description: 'Attach to the role of whoever may erase a journey',
    });
    new CfnOutput(this, 'PublicUrl', {
      value: baseUrl,
      description: 'Where form links and the console start (CloudFront, per-client rate limits)',
    });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.publicEntry.distribution.distributionDomainName,
      description: 'Point the custom domain here: a CNAME, or a Route 53 alias',
    });
    if (props.sesIdentityDomain) {
      email.identity.dkimRecords.forEach((record, index) => {
        new CfnOutput(this, `DkimRecord${index + 1}`, {
          value: Fn.join(' ', [record.name, 'CNAME', record.value]),
          description: `Easy DKIM record ${index + 1} of 3 for ${props.sesIdentityDomain}: add it to the domain's DNS`,
        });
      });
    }
    new CfnOutput(this, 'ConsoleUrl', { value: `${baseUrl}/console`, description: "HR's console" });
    new CfnOutput(this, 'ConsoleUserPoolId', {
      value: this.consoleUsers.userPool.userPoolId,
      description: 'Add HR people here (README: Console users)',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Every alarm mails this topic (README: Alarms)',
    });
    new CfnOutput(this, 'LinkSigningKeyArn', {
      value: linkKey.secret.secretArn,
      description:
        'The link signing keys; rotate now with aws secretsmanager rotate-secret (README: Link signing keys)',
    });
    new CfnOutput(this, 'EventBusName', {
      value: this.events.bus.eventBusName,
      description:
        "HR's systems put journey events here, and every timeline event is published here (README: Events)",
    });
    new CfnOutput(this, 'EventDeadLettersUrl', {
      value: this.events.deadLetters.queueUrl,
      description: 'Incoming events that were refused or kept failing, with the reason (README: Events)',
    });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'StateMachineArn', { value: stateMachine.stateMachineArn });
    new CfnOutput(this, 'OnboardingStateMachineArn', { value: this.onboarding.stateMachine.stateMachineArn });
  }
}
