/**
 * The toolbar icon of a tab showing a provisioning page says how that page's job is doing: a badge
 * ("!" on red for quarantined, on amber for failing or paused, nothing when healthy) and a title in
 * words, since colour is never the only signal. Chromium keeps per-tab values across the portal's
 * hash navigation and clears them on a full load, so they are set on every lookup and cleared when
 * the tab leaves provisioning pages.
 */
import { label, obj, text } from './json-fields';
import { jobHealth, type JobHealth } from './job/health';
import type { JobLookup } from './protocol';

export interface ToolbarBadge {
  text: string;
  /** Background colour of the badge; white text on it meets WCAG AA. */
  color: string;
  title: string;
}

const NAME = 'Provisioning Lens';
const RANK: Record<JobHealth, number> = { quarantined: 0, failing: 1, paused: 2, healthy: 3 };
const WORD: Record<JobHealth, string> = { quarantined: 'Quarantined', failing: 'Failing', paused: 'Paused', healthy: 'Healthy' };
const COLOR: Record<JobHealth, string> = { quarantined: '#a4262c', failing: '#8a5d00', paused: '#8a5d00', healthy: '#0b6a0b' };

/** What the toolbar says for a lookup's answer: the job that needs attention most speaks for the page. */
export function toolbarBadge(lookup: JobLookup): ToolbarBadge {
  switch (lookup.kind) {
    case 'notConfigured':
      return { text: '', color: COLOR.healthy, title: `${NAME} — not set up yet` };
    case 'signedOut':
      return { text: '', color: COLOR.healthy, title: `${NAME} — sign in to see this app's provisioning job` };
    case 'error':
      return { text: '', color: COLOR.healthy, title: `${NAME} — ${label(lookup.error.title)}` };
    case 'jobs': {
      if (lookup.jobs.length === 0) return { text: '', color: COLOR.healthy, title: `${NAME} — this app has no provisioning job` };
      const ranked = lookup.jobs.map((job) => ({ job, health: jobHealth(job) })).sort((a, b) => RANK[a.health] - RANK[b.health]);
      const { job, health } = ranked[0]!;
      const template = label(text(obj(job)?.templateId));
      const app = lookup.displayName ? ` (${label(lookup.displayName)})` : '';
      return {
        text: health === 'healthy' ? '' : '!',
        color: COLOR[health],
        title: `${NAME} — ${WORD[health]}${template ? `: ${template}` : ''}${app}`,
      };
    }
  }
}

/** The parts of the browser's action API this needs (`action` on MV3, `browserAction` on Firefox MV2). */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/**
 * Per-tab badge updates that apply in the order lookups were asked: a slow answer for the app the
 * admin already left never overwrites the badge of the one they went to.
 */
export function createTabBadges(action: ActionApi) {
  const latest = new Map<number, number>();
  let sequence = 0;
  const apply = (tabId: number, badge: ToolbarBadge | null) =>
    Promise.all([
      action.setBadgeText({ tabId, text: badge?.text ?? '' }),
      ...(badge ? [action.setBadgeBackgroundColor({ tabId, color: badge.color })] : []),
      action.setTitle({ tabId, title: badge?.title ?? NAME }),
    ]).catch(() => undefined); // the tab may have closed meanwhile
  return {
    /** Call when a lookup for `tabId` starts; call the returned function with its answer. */
    begin(tabId: number): (lookup: JobLookup) => Promise<unknown> {
      const mine = ++sequence;
      latest.set(tabId, mine);
      return (lookup) => (latest.get(tabId) === mine ? apply(tabId, toolbarBadge(lookup)) : Promise.resolve());
    },
    /** The tab left provisioning pages. */
    clear(tabId: number): Promise<unknown> {
      latest.set(tabId, ++sequence);
      return apply(tabId, null);
    },
    forget(tabId: number): void {
      latest.delete(tabId);
    },
  };
}

export type TabBadges = ReturnType<typeof createTabBadges>;
