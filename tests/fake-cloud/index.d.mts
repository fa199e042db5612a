// Types for index.mjs (plain JS so the demo runs under bare node); keep in step with the JS.
import type { IncomingHttpHeaders } from 'node:http';

export interface DemoAppSpec {
  key: string;
  displayName: string;
  appId: string;
  /** Service principal object id. */
  objectId: string;
  scenario: string;
  jobFiles: string[];
  servicePrincipalType?: string;
}
export interface DemoApp extends DemoAppSpec {
  servicePrincipal: Record<string, unknown>;
  /** synchronizationJob objects as Graph returns them (timestamps shifted to the tenant's `now`). Editable. */
  jobs: any[];
}
export interface DemoAdmin { oid: string; name: string; upn: string }
export interface DemoTenant {
  id: string; domain: string; displayName: string; admin: DemoAdmin; now: number; apps: DemoApp[];
  /** provisioningObjectSummary records served by GET /auditLogs/provisioning. Editable. */
  provisioningLogs: any[];
}

export interface Fault {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  hang?: boolean;
  reset?: boolean;
  malformed?: boolean;
  html?: boolean;
}
export interface FaultRequest { host: string; method: string; path: string; userAgent?: string; reusedConnection?: boolean }
/** string: substring of path+query ('' matches every request). */
export type Matcher = string | RegExp | ((req: FaultRequest) => boolean);
export interface Faults {
  delayMs: number;
  failNext(matcher: Matcher, faults: Fault | Fault[]): Faults;
  pending(): number;
  clear(): void;
}

export interface LogEntry {
  seq: number;
  time: string;
  service: 'portal' | 'idp' | 'graph' | 'unknown';
  host: string;
  method: string;
  path: string;
  pathname: string;
  headers: Record<string, string>;
  allHeaders: IncomingHttpHeaders;
  grantType?: string;
  form?: Record<string, string>;
  /** Graph writes (POST): the body as sent. */
  body?: string;
  fault?: string;
  status?: number;
  /** The `request-id` header of a finished answer, when it had one. */
  responseRequestId?: string;
  /** 1 for the first request on its TLS connection, 2 for the next… */
  connectionRequest?: number;
  error?: string;
  /** A $batch request's inner URLs, in the order sent. */
  inner?: string[];
}

export interface TokenResponse {
  token_type: 'Bearer'; scope: string; expires_in: number; ext_expires_in: number; refresh_token_expires_in: number;
  access_token: string; refresh_token: string; id_token: string; client_info: string;
}

export interface FakeIdp {
  accessTokenLifetime: number;
  hasSession: boolean;
  interactive: boolean;
  refreshFails: boolean;
  rotateStrictly: boolean;
  clientIds: string[] | null;
  counts: Record<string, number>;
  /** Permissions (bare names) the tenant consented to; a refresh grant for others fails with AADSTS65001. */
  consented: Set<string>;
  /** true: the admin declines the consent screen (access_denied, AADSTS65004). */
  declineConsent: boolean;
  /** The next authorize request is sent back with this Entra error (once). */
  failAuthorize: { error: string; code: number; text: string } | null;
  faults: Faults;
  revokeRefreshTokens(): void;
  expireAccessTokens(): void;
  /** Every access and refresh token issued so far. */
  issuedTokens(): string[];
  reset(): void;
  issueTokens(o?: { clientId?: string; scope?: string; loginHost?: string }): TokenResponse;
}

export interface InnerRequest { id: string; url: string; servicePrincipalId: string | undefined; attempt: number }
export type InnerOverride = { status: number; headers?: Record<string, string>; body?: unknown } | 'malformed' | undefined;
export interface BatchKnobs {
  /** Answer inner responses in a shuffled order (default true). */
  shuffle: boolean;
  /** An answer of its own per inner request (429 with Retry-After, 401…), 'malformed', or undefined for the real one. */
  inner: null | ((r: InnerRequest) => InnerOverride);
  /** Inner responses so far, by status. */
  counts: Record<string, number>;
}

export interface FakeGraph {
  faults: Faults;
  batch: BatchKnobs;
  resetBatch(): void;
  delayMs: number;
  failNext(matcher: Matcher, faults: Fault | Fault[]): FakeGraph;
}

export interface FakeFetchInit { method?: string; headers?: Record<string, string>; body?: string | URLSearchParams; timeoutMs?: number }
export interface FakeResponse { status: number; headers: IncomingHttpHeaders; text: string; json(): any }

export interface Hosts { portal: string[]; login: string[]; graph: string[] }

export interface FakeCloud {
  port: number;
  spki: string;
  ca: string;
  hosts: Readonly<Hosts>;
  allHosts: readonly string[];
  tenant: DemoTenant;
  apps: DemoApp[];
  idp: FakeIdp;
  graph: FakeGraph;
  url(host: string, path?: string): string;
  hostResolverRules(): string;
  readonly log: LogEntry[];
  clearLog(): void;
  graphRequests(): LogEntry[];
  tokenRequests(): LogEntry[];
  authorizeRequests(): LogEntry[];
  portalRequests(): LogEntry[];
  reset(): void;
  fetch(url: string, init?: FakeFetchInit): Promise<FakeResponse>;
  stop(): Promise<void>;
}

export const HOSTS: Readonly<Hosts>;
export const ALL_HOSTS: readonly string[];
export function startFakeCloud(options?: { tenant?: DemoTenant; port?: number; now?: number; hostileExtensionId?: string }): Promise<FakeCloud>;

export const APP_SPECS: readonly DemoAppSpec[];
export const ADMIN: Readonly<DemoAdmin>;
export const TENANT_ID: string;
export function buildTenant(options?: { now?: number }): DemoTenant;
export function appByKey(tenant: DemoTenant, key: string): DemoApp;
export const MAX_BATCH: number;
/** Appends generated apps (deterministic ids); returns the object ids of those with jobs, quarantined, and managed identities. */
export function addGeneratedApps(tenant: DemoTenant, o: { count: number; withJobs?: number; quarantined?: number; managedIdentities?: number }): { withJobs: string[]; quarantined: string[]; managedIdentities: string[] };
/** An inner knob: `share` of service principals (by id) answer their first `times` attempts with 429 and Retry-After. */
export function throttleShare(o: { share: number; retryAfter?: string; times?: number }): (r: InnerRequest) => InnerOverride;
export function provisioningUrl(app: { appId: string; objectId: string }, host?: string): string;
