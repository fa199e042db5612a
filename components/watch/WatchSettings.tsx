import { useState } from 'preact/hooks';
import type { WatchPrefs } from '@/lib/settings';
import { MIN_WATCH_MINUTES, watchMinutes } from '@/lib/watch/watched';

export interface WatchSettingsProps {
  initial: WatchPrefs;
  onSave: (prefs: WatchPrefs) => Promise<void>;
  /** The organization's policy sets the interval: shown, read-only. */
  intervalLocked?: boolean;
  /**
   * Asks the browser for the optional `notifications` permission; it must run in the admin's click
   * (browsers grant optional permissions only to a user gesture). Resolves to whether it was granted.
   */
  requestNotifications: () => Promise<boolean>;
}

/** How often watched jobs are checked, and whether a change notifies; saved as the admin changes them. */
export function WatchSettings({ initial, onSave, requestNotifications, intervalLocked = false }: WatchSettingsProps) {
  const [prefs, setPrefs] = useState(initial);
  const [status, setStatus] = useState('');
  const save = async (next: WatchPrefs, said: string) => {
    setPrefs(next);
    await onSave(next);
    setStatus(said);
  };
  const onNotify = async (event: Event) => {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    const granted = wanted ? await requestNotifications().catch(() => false) : false;
    if (wanted && !granted) {
      setStatus('The browser did not allow notifications; the toolbar badge counts watched jobs that need attention instead.');
      return;
    }
    await save({ ...prefs, notify: wanted }, wanted ? 'Notifications on.' : 'Notifications off: the toolbar badge counts watched jobs that need attention.');
  };
  return (
    <section class="pl-stack" aria-labelledby="watch-heading">
      <h2 id="watch-heading">Watched jobs</h2>
      <p class="pl-caption">
        Select <strong>Watch</strong> on a job (overlay or popup) and the extension re-checks it in the background with your
        current sign-in. It never opens a sign-in window by itself.
      </p>
      <div class="pl-field">
        <label for="watchMinutes">Check every (minutes)</label>
        <input
          id="watchMinutes"
          class="pl-input"
          type="number"
          disabled={intervalLocked}
          min={MIN_WATCH_MINUTES}
          max={1440}
          value={prefs.intervalMinutes}
          onChange={(event) => {
            const minutes = watchMinutes((event.currentTarget as HTMLInputElement).value);
            void save({ ...prefs, intervalMinutes: minutes }, `Watched jobs are checked every ${minutes} minutes.`);
          }}
        />
        <p class="pl-caption">{intervalLocked ? 'Set by your organization.' : `${MIN_WATCH_MINUTES} minutes at least; 15 by default.`}</p>
      </div>
      <label class="pl-check">
        <input type="checkbox" checked={prefs.notify} onChange={onNotify} /> Notify me when a watched job goes into or out of
        quarantine, or keeps failing (asks the browser for permission to show notifications)
      </label>
      <p class="pl-caption" role="status">{status}</p>
    </section>
  );
}
