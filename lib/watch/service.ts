/**
 * The background's side of watched jobs: the list, the alarm that checks it, the toolbar's own badge
 * and the notifications. Browser APIs come in as deps so this runs in unit tests; the background
 * entry hands in the real ones (alarms survive a worker restart but not always a browser restart:
 * ensureAlarm runs at every start).
 */
import { CLOUDS } from '../clouds';
import type { JobLookup, JobQuery } from '../protocol';
import { provisioningLogsUrl, provisioningPageUrl } from '../portal-url';
import type { WatchPrefs } from '../settings';
import { checkWatched, type WatchCheckDeps, type WatchCheckResult, type WatchSummary } from './checker';
import { describeEvent, sameJob, sanitizeWatched, toggleWatched, type WatchedJob } from './watched';

export const WATCH_ALARM = 'watch-jobs';
const NOTIFICATION_PREFIX = 'watch|';
const NAME = 'Provisioning Lens';

export interface WatchServiceDeps {
  readList(): Promise<WatchedJob[]>;
  writeList(list: WatchedJob[]): Promise<void>;
  readPrefs(): Promise<WatchPrefs>;
  readSessionEnded(): Promise<boolean>;
  writeSessionEnded(ended: boolean): Promise<void>;
  lookupJobs(query: JobQuery): Promise<JobLookup>;
  /** Several service principals in one JSON batch (the tenant scan's layer), when the background has it. */
  checkJobs?: WatchCheckDeps['checkJobs'];
  alarms: {
    get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
    create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): unknown;
    clear(name: string): Promise<unknown>;
  };
  /** The badge and title of the toolbar icon itself (tabs showing a provisioning page have their own). */
  setToolbar(text: string, title: string): Promise<unknown>;
  /** Whether the optional `notifications` permission is granted. */
  canNotify(): Promise<boolean>;
  showNotification(id: string, title: string, message: string): Promise<unknown>;
  openTab(url: string): Promise<unknown>;
  now(): number;
}

/** The toolbar icon's own badge: the session, or how many watched jobs need attention (when notifications are off). */
export function toolbarSummary(summary: WatchSummary, notify: boolean): { text: string; title: string } {
  if (summary.sessionEnded) return { text: '?', title: `${NAME} — sign in again to keep checking watched jobs` };
  if (notify || summary.attention === 0) return { text: '', title: NAME };
  const jobs = summary.attention === 1 ? '1 watched job needs' : `${summary.attention} watched jobs need`;
  return { text: String(Math.min(summary.attention, 99)), title: `${NAME} — ${jobs} attention` };
}

export function createWatchService(deps: WatchServiceDeps) {
  async function ensureAlarm(): Promise<void> {
    const [list, prefs] = await Promise.all([deps.readList(), deps.readPrefs()]);
    if (list.length === 0) {
      await deps.alarms.clear(WATCH_ALARM);
      return;
    }
    const alarm = await deps.alarms.get(WATCH_ALARM);
    if (alarm?.periodInMinutes !== prefs.intervalMinutes)
      deps.alarms.create(WATCH_ALARM, { periodInMinutes: prefs.intervalMinutes, delayInMinutes: prefs.intervalMinutes });
  }

  async function check(): Promise<WatchCheckResult> {
    const prefs = await deps.readPrefs();
    const notify = prefs.notify && (await deps.canNotify().catch(() => false));
    return checkWatched({
      read: deps.readList,
      write: deps.writeList,
      lookupJobs: deps.lookupJobs,
      checkJobs: deps.checkJobs,
      readSessionEnded: deps.readSessionEnded,
      writeSessionEnded: deps.writeSessionEnded,
      now: deps.now,
      notify: notify
        ? async (job, event) => {
            const { title, message } = describeEvent(job, event);
            await deps.showNotification(`${NOTIFICATION_PREFIX}${job.cloud}|${job.servicePrincipalId}|${job.jobId}|${deps.now()}`, title, message);
          }
        : undefined,
      notifySessionEnded: notify
        ? async () => void (await deps.showNotification(`${NOTIFICATION_PREFIX}session`, `${NAME}: sign in again`, 'Your session has ended, so watched jobs are not being checked. Open the extension and sign in.'))
        : undefined,
      showSummary: async (summary) => {
        const { text, title } = toolbarSummary(summary, notify);
        await deps.setToolbar(text, title);
      },
    });
  }

  return {
    list: deps.readList,
    ensureAlarm,
    /** Watches or unwatches one job (rebuilt from known fields first); answers the new list. */
    async setWatch(job: unknown, watch: boolean): Promise<WatchedJob[]> {
      const [valid] = sanitizeWatched([job]);
      if (!valid) return deps.readList();
      const next = toggleWatched(await deps.readList(), { ...valid, last: undefined }, watch);
      await deps.writeList(next);
      await ensureAlarm();
      return next;
    },
    async onAlarm(name: string): Promise<WatchCheckResult | undefined> {
      if (name !== WATCH_ALARM) return undefined;
      try {
        return await check();
      } finally {
        await ensureAlarm();
      }
    },
    /** A click on a notification opens that app's Provisioning page in its cloud's portal. */
    async onNotificationClicked(id: string): Promise<void> {
      if (!id.startsWith(NOTIFICATION_PREFIX)) return;
      const [cloud, servicePrincipalId, jobId] = id.slice(NOTIFICATION_PREFIX.length).split('|');
      const job = (await deps.readList()).find((item) => item.cloud === cloud && sameJob(item, { servicePrincipalId: servicePrincipalId ?? '', jobId: jobId ?? '' }));
      const host = CLOUDS[job?.cloud ?? 'global'].portalHosts[0]!;
      const url = (job?.appId && provisioningPageUrl(host, job.appId, job.servicePrincipalId)) || provisioningLogsUrl(host);
      if (url) await deps.openTab(url);
    },
  };
}

export type WatchService = ReturnType<typeof createWatchService>;
