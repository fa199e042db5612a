/**
 * What the overlay reads from storage, with the browser's own storage API (the content script stays
 * free of storage libraries): where the admin left it, and the time-zone choice from the settings.
 * Both items are declared in lib/settings.ts under these keys, so pages and tests see one item each.
 */

export interface OverlayPlacement {
  collapsed: boolean;
  /** Offset from the bottom-right corner in CSS pixels; null = docked. */
  offset: { right: number; bottom: number } | null;
}

export const OVERLAY_PLACEMENT_KEY = 'overlay';
export const SETTINGS_KEY = 'settings';

/** How times read: the browser's zone, or UTC ("UTC on request", ux-brief). */
export type TimesSetting = 'local' | 'utc';

/** The IANA zone to format times in: undefined for the browser's own. */
export function timeZoneOf(times: unknown): string | undefined {
  return times === 'utc' ? 'UTC' : undefined;
}

export const DEFAULT_PLACEMENT: OverlayPlacement = { collapsed: false, offset: null };

interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const local = (): StorageArea => {
  const g = globalThis as unknown as { browser?: { storage?: { local: StorageArea } }; chrome: { storage: { local: StorageArea } } };
  return (g.browser?.storage ?? g.chrome.storage).local;
};

/** Stored values are checked, not trusted: anything malformed reads as the default. */
export function toPlacement(value: unknown): OverlayPlacement {
  const v = value as Partial<OverlayPlacement> | null;
  if (!v || typeof v !== 'object') return DEFAULT_PLACEMENT;
  const o = v.offset;
  const offset = o && Number.isFinite(o.right) && Number.isFinite(o.bottom) ? { right: o.right, bottom: o.bottom } : null;
  return { collapsed: v.collapsed === true, offset };
}

/** What the overlay needs from storage, in one read: its placement and the settings' time zone. */
export async function readOverlayStorage(): Promise<{ placement: OverlayPlacement; timeZone: string | undefined }> {
  const stored = await local().get([OVERLAY_PLACEMENT_KEY, SETTINGS_KEY]);
  const settings = stored[SETTINGS_KEY] as { times?: unknown } | undefined;
  return {
    placement: toPlacement(stored[OVERLAY_PLACEMENT_KEY]),
    timeZone: timeZoneOf(settings && typeof settings === 'object' ? settings.times : undefined),
  };
}

export function writePlacement(placement: OverlayPlacement): Promise<void> {
  return local().set({ [OVERLAY_PLACEMENT_KEY]: placement });
}
