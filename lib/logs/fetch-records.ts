/**
 * Fetching one job's failure records: the first page in the most specific filter form Graph accepts
 * (a 400 steps down to a simpler documented form), then `@odata.nextLink` while it stays on the same
 * Graph host and path, up to LOGS_MAX_PAGES pages and LOGS_MAX_RECORDS records. Sequential on
 * purpose: the reports throttle is 5 requests per 10 s per tenant.
 */
import type { GraphResult } from '../graph-client';
import { failuresPath, LOGS_MAX_PAGES, LOGS_MAX_RECORDS, simplerForm, type FilterForm } from './query';

export interface LogPage {
  value: unknown[];
  nextLink?: string;
}

export interface FailureRecords {
  records: unknown[];
  /** The filter form Graph accepted. */
  form: FilterForm;
  pages: number;
  /** More records exist than were read (page or record cap, a foreign nextLink, or a later page failed). */
  truncated: boolean;
}

/** A page body: `{value: [...], '@odata.nextLink'?: string}`; anything else is not a page. */
export function asLogPage(body: unknown): LogPage | undefined {
  const page = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!page || !Array.isArray(page.value)) return undefined;
  const next = page['@odata.nextLink'];
  return { value: page.value, ...(typeof next === 'string' ? { nextLink: next } : {}) };
}

/** A nextLink is followed only to the same origin and the same endpoint: never somewhere a response chose. */
export function isSameEndpoint(link: string, base: string): boolean {
  try {
    const next = new URL(link);
    const from = new URL(`${base}/auditLogs/provisioning`);
    return next.protocol === 'https:' && next.origin === from.origin && next.pathname.toLowerCase() === from.pathname.toLowerCase() && !next.username && !next.password;
  } catch {
    return false;
  }
}

/**
 * @param get one request with retries (the Graph client's), returning a page.
 * @param base `https://graph.microsoft.com/v1.0`
 */
export async function fetchFailureRecords(
  get: (url: string) => Promise<GraphResult<LogPage>>,
  base: string,
  jobId: string,
  since: string,
): Promise<GraphResult<FailureRecords>> {
  let form: FilterForm | undefined = 'full';
  let first: GraphResult<LogPage>;
  for (;;) {
    first = await get(base + failuresPath(jobId, since, form));
    const fallback: FilterForm | undefined = !first.ok && first.error.kind === 'http' && first.error.status === 400 ? simplerForm(form) : undefined;
    if (!fallback) break;
    form = fallback;
  }
  if (!first.ok) return first;
  const records = first.data.value.slice(0, LOGS_MAX_RECORDS);
  let next = first.data.nextLink;
  let pages = 1;
  let truncated = first.data.value.length > LOGS_MAX_RECORDS;
  while (next && !truncated) {
    if (pages >= LOGS_MAX_PAGES || records.length >= LOGS_MAX_RECORDS || !isSameEndpoint(next, base)) {
      truncated = true;
      break;
    }
    const page = await get(next);
    if (!page.ok) {
      // What arrived is still worth showing; the caption says it is not everything.
      truncated = true;
      break;
    }
    pages++;
    const room = LOGS_MAX_RECORDS - records.length;
    records.push(...page.data.value.slice(0, room));
    if (page.data.value.length > room) truncated = true;
    next = page.data.nextLink;
  }
  return { ...first, data: { records, form, pages, truncated } };
}
