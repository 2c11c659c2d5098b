import * as z from 'zod';
import { alertHandledSchema, attentionQuerySchema } from '#shared/domain/attention-requests.ts';
import { calendarSettingsSchema } from '#shared/domain/calendar-settings.ts';
import { departureSchema } from '#shared/domain/departure.ts';
import { formAnswerSchemas } from '#shared/domain/form-answers.ts';
import { cancellationSchema, journeyMoveSchema } from '#shared/domain/journey-changes.ts';
import { journeyListQuerySchema } from '#shared/domain/journey-list-query.ts';
import { journeyTemplateSchema } from '#shared/domain/journey-template-schema.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { onboardingJourneySchema } from '#shared/domain/onboarding-request.ts';
import { weathers } from '#shared/domain/pulse.ts';
import { reportQuerySchema } from '#shared/domain/report-query.ts';
import {
  alertHandledAnswerSchema,
  attentionPageSchema,
  departureRecordedSchema,
  formReissuedSchema,
  journeyCancelledSchema,
  journeyErasedSchema,
  journeyListPageSchema,
  journeyMovedSchema,
  journeyStartedSchema,
  journeyViewSchema,
  reportSchema,
  templateListSchema,
  templateSchema,
} from '#shared/http/api-responses.ts';

/** The refusals an HR route can answer with, each with its shared body (`openapi-document.ts`). */
export type RefusalStatus = 400 | 404 | 409 | 410 | 413;

/** What a form link's page says when the form cannot be shown or taken (`notice-page.ts`). */
const formPages = {
  400: 'The form again, with a message next to each field to fix; nothing recorded',
  404: 'The link is not one this service made',
  409: 'The form was already answered; only the first answer counts',
  410: 'The link expired, was replaced by a newer one, or the journey went on without it',
  413: 'The answers are too long to take',
  503: 'Something went wrong on our side; try again later',
} as const;

const pages = (...statuses: (keyof typeof formPages)[]) =>
  Object.fromEntries(statuses.map((status) => [status, formPages[status]]));

export interface RouteDescription {
  summary: string;
  /**
   * `iam`: HR's systems, SigV4-signed (the route's authorizer on AWS); `form-link`: whoever holds an emailed
   * link, which the signed token in the path authenticates; `console`: HR's console in a browser, which its
   * session cookie authenticates (these pages are not part of the JSON API, so the OpenAPI document leaves them
   * out).
   */
  access: 'iam' | 'form-link' | 'console';
  /** The query string, one parameter per property. */
  query?: z.ZodObject;
  /** What the handler validates the body with: JSON on HR routes, a URL-encoded form on form routes. */
  body?: z.ZodType;
  /** Each status but the refusals, with its JSON body (HR routes) or what its HTML page says (form routes). */
  answers: Record<number, z.ZodType | string>;
  /** What the 200 answer holds when asked for as CSV (`format=csv`), besides JSON. */
  csv?: string;
  /** HR routes' refusals, which share their bodies. */
  refusals?: RefusalStatus[];
}

const hr = (summary: string, route: Omit<RouteDescription, 'summary' | 'access'>): RouteDescription => ({
  summary,
  access: 'iam',
  ...route,
});

const consolePage = (summary: string, answers: Record<number, string>): RouteDescription => ({
  summary,
  access: 'console',
  answers,
});

/** The handler picks the schema by `phase`: an offer (the default), or a hire posted at onboarding. */
const journeyStartSchema = z.union([offerSchema, onboardingJourneySchema]);

/**
 * Every route of the HTTP API, keyed as the stack's route keys (`METHOD /path`). `GET /openapi.json` serves
 * these as an OpenAPI document; a test holds this list to the synthesized routes, so a route added to the stack
 * is added here, as one entry.
 */
export const apiRoutes: Record<string, RouteDescription> = {
  'POST /journeys': hr('Start a journey: an offer follow-up, or onboarding for a hire posted directly', {
    body: journeyStartSchema,
    answers: { 201: journeyStartedSchema, 200: journeyStartedSchema },
    refusals: [400, 409, 413],
  }),
  'GET /journeys': hr(
    'The journeys, newest start date first: filtered by status, HR contact, start month or name, paged',
    {
      query: journeyListQuerySchema,
      answers: { 200: journeyListPageSchema },
      refusals: [400],
    },
  ),
  'GET /journeys/{id}': hr("A journey's plan, rounds, forms, pulse answers and timeline", {
    answers: { 200: journeyViewSchema },
    refusals: [404, 410],
  }),
  'PATCH /journeys/{id}': hr('Move the start date or named sessions; schedules and invitations follow', {
    body: journeyMoveSchema,
    answers: { 200: journeyMovedSchema },
    refusals: [400, 404, 409, 410, 413],
  }),
  'DELETE /journeys/{id}': hr('Erase a journey on request: only the time of the erasure is kept', {
    answers: { 200: journeyErasedSchema },
    refusals: [404],
  }),
  'POST /journeys/{id}/cancel': hr('Cancel a journey: its links close and its meetings are withdrawn', {
    body: cancellationSchema,
    answers: { 200: journeyCancelledSchema },
    refusals: [400, 404, 409, 410, 413],
  }),
  'POST /journeys/{id}/left': hr(
    'Record that the person left the company: the journey ends as on cancellation, and reports count it in retention',
    {
      body: departureSchema,
      answers: { 200: departureRecordedSchema },
      refusals: [400, 404, 409, 410, 413],
    },
  ),
  'POST /journeys/{id}/forms/{formId}/reissue': hr('Mail an open form again, with a fresh link', {
    answers: { 200: formReissuedSchema },
    refusals: [404, 409, 410],
  }),
  'GET /attention': hr(
    'What HR must act on, oldest first: open alerts, journeys needing attention, overdue outcomes, unanswered prep',
    {
      query: attentionQuerySchema,
      answers: { 200: attentionPageSchema },
      refusals: [400],
    },
  ),
  'POST /journeys/{id}/alerts/{alertId}/handled': hr(
    'Mark an alert handled with a note of what was done: kept in the timeline, and it leaves the queue',
    {
      body: alertHandledSchema,
      answers: { 200: alertHandledAnswerSchema },
      refusals: [400, 404, 409, 410, 413],
    },
  ),
  'GET /settings/calendar': hr("The company's closed days and working hours", {
    answers: { 200: calendarSettingsSchema },
  }),
  'PUT /settings/calendar': hr('Replace the company calendar every schedule is computed with', {
    body: calendarSettingsSchema,
    answers: { 200: calendarSettingsSchema },
    refusals: [400, 413],
  }),
  'GET /settings/templates': hr(
    'The journey templates a journey can name: the built-in default, then those saved',
    {
      answers: { 200: templateListSchema },
    },
  ),
  'GET /settings/templates/{name}': hr(
    "A journey template's newest version, as a journey started now runs on it",
    {
      answers: { 200: templateSchema },
      refusals: [404],
    },
  ),
  'PUT /settings/templates/{name}': hr(
    'Save a journey template as its next version (the same body again keeps its version); running journeys keep theirs',
    {
      body: journeyTemplateSchema,
      answers: { 200: templateSchema },
      refusals: [400, 413],
    },
  ),
  'GET /reports': hr(
    'Figures for the journeys starting in a period or a start month: offers, rounds, prep, alerts, pulse',
    {
      query: reportQuerySchema,
      answers: { 200: reportSchema },
      csv: 'The same figures, one per row (`metric,group,value`), UTF-8 with a byte order mark',
      refusals: [400],
    },
  ),
  'GET /openapi.json': hr('This document', {
    answers: { 200: z.looseObject({ openapi: z.literal('3.1.0') }) },
  }),
  'GET /forms/{token}': {
    summary: 'Show an emailed form; changes nothing, as mail scanners open links too',
    access: 'form-link',
    query: z.object({
      answer: z.enum(weathers).optional().describe("A pulse check's answer chosen in the mail, preselected"),
    }),
    answers: { 200: 'The form', ...pages(404, 409, 410, 503) },
  },
  'POST /forms/{token}': {
    summary: "Send a form's answers; recorded once",
    access: 'form-link',
    body: z.union(Object.values(formAnswerSchemas)),
    answers: {
      200: 'A thank-you page (after a pulse check: the answers so far and a self-care note)',
      ...pages(400, 404, 409, 410, 413, 503),
    },
  },
  'GET /': consolePage('Goes to the console', { 302: 'To /console' }),
  'GET /console': consolePage("The console's home: the journeys, filtered and paged like GET /journeys", {
    200: 'The list',
    302: 'To sign in without a session, coming back here',
    400: 'The list form with a message next to each filter to fix',
  }),
  'GET /console/sign-in': consolePage('Starts an OpenID Connect sign-in (code flow, PKCE)', {
    302: "To the identity provider's sign-in page",
  }),
  'GET /console/callback': consolePage("Takes the provider's answer and opens a session", {
    302: 'To the page asked for, with the session cookie',
    400: 'The sign-in could not be finished; sign in again',
    403: 'Signed in, but in neither the hr nor the hr-lead group',
  }),
  'GET /console/signed-out': consolePage('Says the person signed out', { 200: 'The page' }),
  'POST /console/sign-out': consolePage('Ends the session (CSRF token required)', {
    302: "To the provider's sign-out, which comes back to /console/signed-out",
    403: 'No session, or a missing or wrong CSRF token: nothing changed',
  }),
  'GET /console/journeys/new': consolePage('The form to start a journey, checked as POST /journeys', {
    200: 'The form, the signed-in person as the HR contact',
  }),
  'POST /console/journeys': consolePage(
    'Starts the journey the form describes, through POST /journeys’s use case',
    {
      302: "To the journey's page",
      400: 'The form again, with the API’s message next to each field to fix; nothing started',
      409: 'The form again: the offer id or hire id started another journey, or one erased',
    },
  ),
  'GET /console/journeys/{id}': consolePage(
    "A journey's page: people, plan, condition and pulse, open forms, actions, answers and timeline",
    {
      200: 'The page; private notes only for the journey’s HR contact and HR leads',
      404: 'No such journey, or it was erased',
    },
  ),
  'GET /console/journeys/{id}/forms/{formId}': consolePage(
    'Opens an HR outcome form still open, to record it',
    {
      302: 'To the form’s page, the link its mail carries',
      403: 'Not the journey’s HR contact nor an HR lead',
      404: 'No such HR form in the journey',
    },
  ),
  'POST /console/journeys/{id}/move': consolePage(
    'Moves the start date or a session, as PATCH /journeys/{id}',
    {
      302: "To the journey's page, saying it moved",
      400: 'The page again with the message next to the move form; nothing moved',
      409: 'The page again: the journey cannot be moved like this',
    },
  ),
  'POST /console/journeys/{id}/left': consolePage('Records a departure, as POST /journeys/{id}/left', {
    302: "To the journey's page, saying the departure was recorded",
    400: 'The page again with the message next to the departure form; nothing recorded',
    409: 'The page again: the journey has no hire who could leave, or another departure was recorded',
  }),
  'POST /console/journeys/{id}/cancel': consolePage('Cancels the journey, as POST /journeys/{id}/cancel', {
    302: "To the journey's page, saying it was cancelled",
    400: 'The page again: a reason is needed',
    409: 'The page again: the journey has ended',
  }),
  'POST /console/journeys/{id}/erase': consolePage(
    "Erases the journey once the person's name is typed (HR leads only)",
    {
      302: 'To the journeys, saying it was erased',
      400: 'The page again: the name did not match, nothing erased',
      403: 'Not an HR lead: nothing erased',
    },
  ),
  'POST /console/journeys/{id}/forms/{formId}/reissue': consolePage(
    'Mails an open form again, with a fresh link',
    {
      302: "To the journey's page, saying the link was sent",
      409: 'The page again: the form is no longer open, or has no mail of its own',
    },
  ),
  'GET /console/attention': consolePage("HR's attention queue, oldest first, its count in the title", {
    200: 'The queue; each alert with a form to mark it handled',
  }),
  'POST /console/journeys/{id}/alerts/{alertId}/handled': consolePage(
    'Marks an alert handled with a note, as POST /journeys/{id}/alerts/{alertId}/handled',
    {
      302: 'To the queue, saying it was handled',
      400: 'The queue again with the message next to the note',
      409: 'The queue again: handled already with another note, or its journey was cancelled',
    },
  ),
  'GET /console/settings/calendar': consolePage('The company calendar: closed days and working hours', {
    200: 'The calendar; a form to change it for HR leads',
  }),
  'POST /console/settings/calendar': consolePage('Replaces the company calendar, as PUT /settings/calendar', {
    302: 'To the calendar, saying it was saved',
    400: 'The form again with the message next to each field to fix; nothing saved',
    403: 'Not an HR lead: nothing saved',
  }),
  'GET /console/reports': consolePage(
    'Reports for a start month or period, as GET /reports; HR leads across all of HR, others their own journeys',
    {
      200: 'The figures and charts, or the CSV with format=csv',
      400: 'The report form with a message next to each field to fix',
    },
  ),
};

/** The routes of the JSON API and its forms: what `GET /openapi.json` describes. */
export const documentedRoutes = (): [string, RouteDescription][] =>
  Object.entries(apiRoutes).filter(([, route]) => route.access !== 'console');
