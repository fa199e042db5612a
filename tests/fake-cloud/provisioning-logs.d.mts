// Types for provisioning-logs.mjs; keep in step with the JS.
export interface RecordSpec {
  jobId: string; at: number; status?: string; code?: string; category?: string | null; action?: string; step?: string;
  name?: string; sourceId?: string; reason?: string; recommendedAction?: string | null; changeId?: string;
  servicePrincipal?: { id: string; displayName: string };
}
export function fakeGuid(n: number, prefix?: string): string;
export function logRecord(spec: RecordSpec): any;
/** `count` records (3 in 4 failures across five codes, every fourth skipped) within the last `days` days. */
export function manyRecords(o: { jobId: string; now: number; count: number; days?: number }): any[];
export function demoLogs(tenant: { now: number; apps: { key: string; objectId: string; displayName: string; jobs: any[] }[] }): any[];
export interface LogFault { status: number; headers?: Record<string, string>; body: { error: { code: string; message: string } } }
export const LOG_FAULTS: Readonly<Record<'nonPremium' | 'unknownError' | 'throttled' | 'permissionMissing' | 'badFilter', LogFault>>;
