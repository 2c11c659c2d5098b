import { z } from 'zod';
import { alertHandledSchema, attentionQuerySchema } from '#shared/domain/attention.ts';
import { calendarSettingsSchema } from '#shared/domain/company-calendar.ts';
import { formAnswerSchemas } from '#shared/domain/form-answers.ts';
import { onboardingJourneySchema } from '#shared/domain/hire.ts';
import { cancellationSchema, journeyMoveSchema } from '#shared/domain/journey-changes.ts';
import { journeyListQuerySchema } from '#shared/domain/journey-list-query.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { weathers } from '#shared/domain/pulse.ts';
import {
  alertHandledAnswerSchema,
  attentionPageSchema,
  formReissuedSchema,
  journeyCancelledSchema,
  journeyErasedSchema,
  journeyListPageSchema,
  journeyMovedSchema,
  journeyStartedSchema,
  journeyViewSchema,
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
   * link, which the signed token in the path authenticates.
   */
  access: 'iam' | 'form-link';
  /** The query string, one parameter per property. */
  query?: z.ZodObject;
  /** What the handler validates the body with: JSON on HR routes, a URL-encoded form on form routes. */
  body?: z.ZodType;
  /** Each status but the refusals, with its JSON body (HR routes) or what its HTML page says (form routes). */
  answers: Record<number, z.ZodType | string>;
  /** HR routes' refusals, which share their bodies. */
  refusals?: RefusalStatus[];
}

const hr = (summary: string, route: Omit<RouteDescription, 'summary' | 'access'>): RouteDescription => ({
  summary,
  access: 'iam',
  ...route,
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
};
