/**
 * Whether the admin has granted the logs permissions for this app registration, remembered so a
 * quarantined job's section can load by itself without first asking the sign-in service for a
 * token it would refuse (a failed refresh on every page view). Set by a successful logs read or an
 * interactive consent to them; dropped when a silent token fails, Graph says consent is missing, or
 * the admin signs out. Holds registration keys only, no token.
 */
import { storage } from 'wxt/utils/storage';

export interface GrantMemory {
  has(key: string): Promise<boolean>;
  add(key: string): Promise<void>;
  remove(key: string): Promise<void>;
  clear(): Promise<void>;
}

/** `cloud|tenant|clientId` of the registrations whose logs permissions worked last time. */
export const logsGrantedItem = storage.defineItem<string[]>('local:logsGranted', { fallback: [] });

/** At most this many registrations remembered: an admin switching between a few test tenants. */
const KEEP = 10;

export function storedGrantMemory(item: Pick<typeof logsGrantedItem, 'getValue' | 'setValue'> = logsGrantedItem): GrantMemory {
  return {
    has: async (key) => (await item.getValue()).includes(key),
    add: async (key) => {
      const keys = await item.getValue();
      if (!keys.includes(key)) await item.setValue([key, ...keys].slice(0, KEEP));
    },
    remove: async (key) => {
      const keys = await item.getValue();
      if (keys.includes(key)) await item.setValue(keys.filter((k) => k !== key));
    },
    clear: () => item.setValue([]),
  };
}

/** For tests and hosts without storage. */
export function memoryGrantMemory(initial: string[] = []): GrantMemory {
  const keys = new Set(initial);
  return {
    has: async (key) => keys.has(key),
    add: async (key) => void keys.add(key),
    remove: async (key) => void keys.delete(key),
    clear: async () => keys.clear(),
  };
}
