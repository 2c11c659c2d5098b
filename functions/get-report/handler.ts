import { reportCsv, reportCsvFilename } from '#shared/domain/report-csv.ts';
import { reportQuerySchema } from '#shared/domain/report-query.ts';
import { apiHandler, csv, json } from '#shared/http/api-handler.ts';
import type { Answer, reportSchema } from '#shared/http/api-responses.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { badRequest } from '#shared/http/http-error.ts';
import { buildReport } from '#shared/journeys/build-report.ts';

export const handler = apiHandler(async (event) => {
  const parsed = reportQuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) throw badRequest(fieldErrorsOf(parsed.error));
  const report = (await buildReport(parsed.data)) satisfies Answer<typeof reportSchema>;
  if (parsed.data.format === 'csv') return csv(reportCsvFilename(report.period), reportCsv(report));
  return json(200, report);
});
