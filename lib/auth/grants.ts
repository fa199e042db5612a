/**
 * The Graph permissions each feature adds, asked for only when the admin first uses that feature
 * (incremental consent). First sign-in asks for Synchronization.Read.All alone; a lookup by
 * application ID adds Application.Read.All, the provisioning logs AuditLog.Read.All with
 * Directory.Read.All (the endpoint documents no narrower pair), and job actions
 * Synchronization.ReadWrite.All. Scopes are bare names here: graphScope() qualifies them per cloud.
 */
export const SYNC_SCOPE = 'Synchronization.Read.All';

export const GRANTS = {
  appRead: ['Application.Read.All'],
  logs: ['AuditLog.Read.All', 'Directory.Read.All'],
  actions: ['Synchronization.ReadWrite.All'],
} as const satisfies Record<string, readonly string[]>;

export type Grant = keyof typeof GRANTS;

export function isGrant(value: unknown): value is Grant {
  return typeof value === 'string' && Object.hasOwn(GRANTS, value);
}

/** The scopes of an interactive sign-in: the read scope always, plus the feature's when one asks. */
export function signInScopes(grant?: Grant): string[] {
  return [SYNC_SCOPE, ...(grant ? GRANTS[grant] : [])];
}
