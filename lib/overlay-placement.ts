/**
 * Where the admin left the overlay, read and written by the content script with the browser's own
 * storage API (the content script stays free of storage libraries). Declared in lib/settings.ts
 * under the same key, so pages and tests see one item.
 */

export interface OverlayPlacement {
  collapsed: boolean;
  /** Offset from the bottom-right corner in CSS pixels; null = docked. */
  offset: { right: number; bottom: number } | null;
}

export const OVERLAY_PLACEMENT_KEY = 'overlay';
export const DEFAULT_PLACEMENT: OverlayPlacement = { collapsed: false, offset: null };

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
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

export async function readPlacement(): Promise<OverlayPlacement> {
  return toPlacement((await local().get(OVERLAY_PLACEMENT_KEY))[OVERLAY_PLACEMENT_KEY]);
}

export function writePlacement(placement: OverlayPlacement): Promise<void> {
  return local().set({ [OVERLAY_PLACEMENT_KEY]: placement });
}
