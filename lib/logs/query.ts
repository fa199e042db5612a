/**
 * The provisioning-logs request for one job's recent failures, in the filter forms Microsoft
 * documents. Graph has refused some forms on some tenants (400), so there is a ladder of simpler
 * ones; whatever a simpler form lets through, the digest filters again on our side.
 */
import { isJobId } from '../ids';
import { InvalidIdError } from '../graph-paths';

/** How far back the digest looks: free tenants keep 7 days, so every tenant has them all. */
export const LOGS_DAYS = 7;
/**
 * Records per page. The provisioning docs give no maximum; the other reports endpoints (sign-ins,
 * directory audits) document 1,000, so a digest is one request. The simpler forms, tried after a
 * 400, ask for 500, what public scripts use, in case the size was what Graph refused.
 */
export const LOGS_PAGE_SIZE = 1000;
export const LOGS_SAFE_PAGE_SIZE = 500;
/** The reports throttle allows 5 requests per 10 s per tenant: one digest never takes more than 3. */
export const LOGS_MAX_PAGES = 3;
export const LOGS_MAX_RECORDS = 1000;

/**
 * From the most specific to the simplest:
 * - full: this job's failures after a time, newest first (the documented job-specific query);
 * - jobAndStatus: no time filter and no ordering (the date is checked on our side);
 * - job: this job only (status and date checked on our side).
 */
export const FILTER_FORMS = ['full', 'jobAndStatus', 'job'] as const;
export type FilterForm = (typeof FILTER_FORMS)[number];

/** An OData string literal: a quote inside is doubled. Job ids never hold one (isJobId), this is the second lock. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `activityDateTime gt` takes an unquoted DateTimeOffset; whole seconds, as the docs' examples. */
export function sinceIso(now: number, days = LOGS_DAYS): string {
  return new Date(now - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The `$filter` expression of a form. Throws InvalidIdError for anything that is not a job id. */
export function failuresFilter(jobId: string, since: string, form: FilterForm): string {
  if (!isJobId(jobId)) throw new InvalidIdError('job id');
  const job = `jobId eq ${odataString(jobId)}`;
  if (form === 'job') return job;
  const status = `${job} and provisioningStatusInfo/status eq 'failure'`;
  return form === 'jobAndStatus' ? status : `${status} and activityDateTime gt ${since}`;
}

/** `/auditLogs/provisioning?$filter=…&$orderby=…&$top=…`, percent-encoded (spaces as %20, never +). */
export function failuresPath(jobId: string, since: string, form: FilterForm, top = form === 'full' ? LOGS_PAGE_SIZE : LOGS_SAFE_PAGE_SIZE): string {
  const params: [string, string][] = [['$filter', failuresFilter(jobId, since, form)]];
  if (form === 'full') params.push(['$orderby', 'activityDateTime desc']);
  params.push(['$top', String(top)]);
  return `/auditLogs/provisioning?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** The next, simpler form after a 400, or undefined when there is none left. */
export function simplerForm(form: FilterForm): FilterForm | undefined {
  return FILTER_FORMS[FILTER_FORMS.indexOf(form) + 1];
}
