/**
 * Settings an organization sets by policy (Chrome and Edge: the managed storage the admins' policy
 * fills, under the schema in public/managed_schema.json; Firefox: policies.json's 3rdparty section).
 * A value set by policy wins over the local one and is shown read-only. Read where it is needed, every
 * time, never once at start: there is no telling "empty" from "not loaded yet", and policies change.
 */
import { isCloudId, type CloudId } from './clouds';
import { isGuid, isTenant } from './ids';
import type { GraphVersion } from './graph-client';

export interface Policy {
  clientId?: string;
  tenant?: string;
  cloud?: CloudId;
  graphVersion?: GraphVersion;
  allowJobActions?: boolean;
  watchIntervalMinutes?: number;
}

export type PolicyKey = keyof Policy;

/** What the policy holds, each key checked like the options page checks it; anything else is dropped. */
export function sanitizePolicy(raw: unknown): Policy {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const policy: Policy = {};
  if (isGuid(r.clientId)) policy.clientId = String(r.clientId).toLowerCase();
  if (isTenant(r.tenant)) policy.tenant = isGuid(r.tenant) ? String(r.tenant).toLowerCase() : String(r.tenant);
  if (isCloudId(r.cloud)) policy.cloud = r.cloud;
  if (r.graphVersion === 'v1.0' || r.graphVersion === 'beta') policy.graphVersion = r.graphVersion;
  if (typeof r.allowJobActions === 'boolean') policy.allowJobActions = r.allowJobActions;
  const minutes = Number(r.watchIntervalMinutes);
  if (typeof r.watchIntervalMinutes === 'number' && Number.isInteger(minutes) && minutes >= 5 && minutes <= 1440) policy.watchIntervalMinutes = minutes;
  return policy;
}

/** The settings in force: the local ones, each overridden by the policy's value when it sets one. */
export function applyPolicy<T extends object>(settings: T, policy: Policy): T {
  const { watchIntervalMinutes: _, ...forSettings } = policy;
  return { ...settings, ...forSettings };
}

interface ManagedArea {
  get(): Promise<Record<string, unknown>>;
}

/**
 * The policy, or nothing: Firefox rejects when no policy names the extension ("Managed storage
 * manifest not found"), and a browser without managed storage has no area at all. Neither is an error.
 */
export async function readPolicy(area: ManagedArea | undefined = managedArea()): Promise<Policy> {
  if (!area) return {};
  try {
    return sanitizePolicy(await area.get());
  } catch {
    return {};
  }
}

function managedArea(): ManagedArea | undefined {
  const g = globalThis as unknown as { browser?: { storage?: { managed?: ManagedArea } }; chrome?: { storage?: { managed?: ManagedArea } } };
  return (g.browser?.storage ?? g.chrome?.storage)?.managed;
}
