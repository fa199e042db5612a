/**
 * The local history of actions taken: time, app, job, action, scope, result and request ids. Kept in
 * extension storage (lib/settings.ts declares the item), bounded, never sent anywhere. Stored values
 * are rebuilt from known fields, so a hand edit or an older build cannot put anything else on screen.
 */
import { isGuid, isJobId } from '../ids';
import { label } from '../json-fields';
import { isJobActionKind, isRestartChoice, type JobActionKind, type RestartChoice } from './types';

export const MAX_ACTION_RECORDS = 100;

/** done: Graph accepted it (204). failed: Graph refused it. unknown: it may or may not have reached Graph. */
export type ActionResult = 'done' | 'failed' | 'unknown';

export interface ActionRecord {
  /** ISO time the request was sent. */
  at: string;
  appName?: string;
  servicePrincipalId: string;
  jobId: string;
  action: JobActionKind;
  scope?: RestartChoice;
  result: ActionResult;
  /** "204", "401 UnknownError", "timeout"… */
  status?: string;
  requestId?: string;
  clientRequestId?: string;
}

/** Newest first, at most MAX_ACTION_RECORDS. */
export function appendRecord(list: readonly ActionRecord[], record: ActionRecord): ActionRecord[] {
  return [record, ...list].slice(0, MAX_ACTION_RECORDS);
}

const RESULTS: readonly ActionResult[] = ['done', 'failed', 'unknown'];
const ID = /^[A-Za-z0-9-]{1,100}$/;
const short = (value: unknown, max: number) => (typeof value === 'string' && value.trim() && value.length <= max ? value.trim() : undefined);

function sanitizeRecord(value: unknown): ActionRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const raw = value as Record<string, unknown>;
  const at = short(raw.at, 40);
  if (!at || Number.isNaN(Date.parse(at))) return null;
  if (!isGuid(raw.servicePrincipalId) || !isJobId(raw.jobId) || !isJobActionKind(raw.action)) return null;
  if (!RESULTS.includes(raw.result as ActionResult)) return null;
  const record: ActionRecord = { at, servicePrincipalId: String(raw.servicePrincipalId).toLowerCase(), jobId: raw.jobId, action: raw.action, result: raw.result as ActionResult };
  const appName = short(raw.appName, 1000);
  if (appName) record.appName = label(appName);
  if (raw.action === 'restart' && isRestartChoice(raw.scope)) record.scope = raw.scope;
  const status = short(raw.status, 120);
  if (status) record.status = status;
  for (const key of ['requestId', 'clientRequestId'] as const) {
    const id = short(raw[key], 100);
    if (id && ID.test(id)) record[key] = id;
  }
  return record;
}

/** What storage holds, made safe to render; broken entries are dropped, never thrown on. */
export function sanitizeHistory(value: unknown): ActionRecord[] {
  if (!Array.isArray(value)) return [];
  const list: ActionRecord[] = [];
  for (const item of value.slice(0, MAX_ACTION_RECORDS)) {
    const record = sanitizeRecord(item);
    if (record) list.push(record);
  }
  return list;
}

/**
 * Appends records one at a time: two actions finishing together (two tabs) would otherwise both
 * read the old list and one record would be lost.
 */
export function createHistoryWriter(store: { read(): Promise<unknown>; write(list: ActionRecord[]): Promise<void> }) {
  let queue: Promise<unknown> = Promise.resolve();
  return (record: ActionRecord): Promise<void> => {
    const run = queue.then(async () => store.write(appendRecord(sanitizeHistory(await store.read().catch(() => [])), record)));
    queue = run.catch(() => {});
    return run;
  };
}
