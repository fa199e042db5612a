/** The browser's APIs behind the watch service (lib/watch/service.ts), in one place the background entry hands over. */
import type { LookupService } from '../lookup-service';
import { readWatchedJobs, readWatchPrefs, watchedJobsItem, watchSessionEndedItem } from '../settings';
import type { WatchServiceDeps } from './service';

/** The toolbar icon's own badge and title (no tab id: tabs on provisioning pages have their own, lib/badge.ts). */
interface ToolbarAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

export function watchDeps(lookup: LookupService, action: ToolbarAction, checkJobs?: WatchServiceDeps['checkJobs']): WatchServiceDeps {
  return {
    checkJobs,
    readList: readWatchedJobs,
    writeList: (list) => watchedJobsItem.setValue(list),
    readPrefs: readWatchPrefs,
    readSessionEnded: async () => (await watchSessionEndedItem.getValue().catch(() => false)) === true,
    writeSessionEnded: (ended) => watchSessionEndedItem.setValue(ended),
    lookupJobs: (query) => lookup.lookupJobs(query),
    alarms: {
      get: (name) => browser.alarms.get(name),
      create: (name, info) => browser.alarms.create(name, info),
      clear: (name) => browser.alarms.clear(name),
    },
    setToolbar: (text, title) => Promise.all([action.setBadgeText({ text }), action.setTitle({ title })]),
    canNotify: () => browser.permissions.contains({ permissions: ['notifications'] }),
    showNotification: (id, title, message) =>
      browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message }),
    openTab: (url) => browser.tabs.create({ url }),
    now: Date.now,
  };
}
