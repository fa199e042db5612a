/** What a tenant scan passes between the page and the background, and what it keeps. */
import type { LensError } from '../protocol';
import type { JobsOutcome } from './batch';

/** The few fields of a service principal a scan lists (never keyCredentials). */
export interface ScanApp {
  /** Service principal object id (lower-case GUID). */
  id: string;
  appId: string;
  displayName: string;
  applicationTemplateId?: string;
}

/** Answers the background gives the page; signedOut/notConfigured as for a lookup. */
export type ScanAuthAnswer =
  | { kind: 'signedOut'; expired?: boolean; needsAppRead?: boolean }
  | { kind: 'notConfigured' }
  | { kind: 'error'; error: LensError };

export type ServicePrincipalPage =
  | {
      kind: 'page';
      apps: ScanApp[];
      /** Managed identities on this page: no provisioning, skipped. */
      skipped: number;
      /** Opaque to the page: handed back to ask for the next page. */
      next?: string;
    }
  | ScanAuthAnswer;

export type JobsCheck =
  | {
      kind: 'checked';
      results: { servicePrincipalId: string; outcome: JobsOutcome }[];
      /** ISO time the answers arrived. */
      fetchedAt: string;
      /** $batch requests made for this check (retries included) and inner 429s seen. */
      requests: number;
      throttled: number;
    }
  | ScanAuthAnswer;

/** An app the scan found jobs for: the jobs exactly as Graph returned them. */
export interface ScannedApp extends ScanApp {
  jobs: unknown[];
  fetchedAt: string;
}

/** An app whose jobs could not be read (401/403/404, throttled to the end, malformed). */
export interface AppFailure {
  servicePrincipalId: string;
  displayName: string;
  status: number;
  code?: string;
}
