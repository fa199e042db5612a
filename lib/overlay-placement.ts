/**
 * What the overlay reads from storage, with the browser's own storage API (the content script stays
 * free of storage libraries): where the admin left it, and the time-zone choice from the settings.
 * Both items are declared in lib/settings.ts under these keys, so pages and tests see one item each.
 */
import { readPolicy } from './policy';

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
export async function readOverlayStorage(): Promise<{ placement: OverlayPlacement; timeZone: string | undefined; actionsAllowed?: boolean }> {
  const [stored, policy] = await Promise.all([local().get([OVERLAY_PLACEMENT_KEY, SETTINGS_KEY]), readPolicy()]);
  const settings = stored[SETTINGS_KEY] as { times?: unknown; allowJobActions?: unknown } | undefined;
  // The job-actions opt-in (lib/settings.ts): only a stored `true` shows the buttons, unless a policy decides.
  const allowed = policy.allowJobActions ?? (settings && typeof settings === 'object' && settings.allowJobActions === true);
  return {
    placement: toPlacement(stored[OVERLAY_PLACEMENT_KEY]),
    timeZone: timeZoneOf(settings && typeof settings === 'object' ? settings.times : undefined),
    ...(allowed ? { actionsAllowed: true } : {}),
  };
}

/** Calls back when the settings change (the job-actions opt-in, the time zone): an open overlay follows them. */
export function onSettingsChanged(callback: () => void): void {
  const g = globalThis as unknown as { browser?: { storage?: StorageEvents }; chrome: { storage: StorageEvents } };
  (g.browser?.storage ?? g.chrome.storage).onChanged?.addListener((changes, area) => {
    if ((area === 'local' && Object.hasOwn(changes, SETTINGS_KEY)) || area === 'managed') callback();
  });
}

interface StorageEvents {
  onChanged?: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
}

export function writePlacement(placement: OverlayPlacement): Promise<void> {
  return local().set({ [OVERLAY_PLACEMENT_KEY]: placement });
}

/** Offset of the overlay's bottom-right corner from the viewport's, in CSS pixels. */
export type OverlayOffset = NonNullable<OverlayPlacement['offset']>;

/** How much of the card stays on screen, whatever the offset: enough to grab it again. */
const KEEP_VISIBLE = { width: 120, height: 48 };

/** Keeps a grabbable part of the card inside a viewport of this size (dragging and arrow keys alike). */
export function clampOffset({ right, bottom }: OverlayOffset, viewport: { width: number; height: number }): OverlayOffset {
  const within = (n: number, max: number) => Math.round(Math.min(Math.max(n, 0), Math.max(max, 0)));
  return { right: within(right, viewport.width - KEEP_VISIBLE.width), bottom: within(bottom, viewport.height - KEEP_VISIBLE.height) };
}

/** Arrow keys move the card by this many pixels; with Shift, by the larger step. */
export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 64;

/**
 * Where a key press on the move handle puts the card: an arrow moves it (clamped to the viewport),
 * Home docks it again (null), any other key is not ours (undefined).
 */
export function offsetAfterKey(
  key: string,
  shift: boolean,
  from: OverlayOffset,
  viewport: { width: number; height: number },
): OverlayOffset | null | undefined {
  if (key === 'Home') return null;
  const step = shift ? KEY_STEP_LARGE : KEY_STEP;
  // The offset counts from the right and bottom edges: moving left or up makes it larger.
  const delta: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  const d = delta[key];
  if (!d) return undefined;
  return clampOffset({ right: from.right + d[0], bottom: from.bottom + d[1] }, viewport);
}
