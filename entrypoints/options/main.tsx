import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import { RegisterSteps } from '@/components/RegisterSteps';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { ActionHistory } from '@/components/actions/ActionHistory';
import { WatchSettings } from '@/components/watch/WatchSettings';
import { sanitizeHistory } from '@/lib/actions/history';
import { actionHistoryItem, readWatchPrefs, settingsItem, timeZoneOf, watchPrefsItem, type Settings, type WatchPrefs } from '@/lib/settings';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root pl-page';

const copy = (text: string) => navigator.clipboard.writeText(text);

function show(initial: Settings, watchPrefs: WatchPrefs, history: unknown): void {
  render(
    <main>
      <h1>Provisioning Lens settings</h1>
      <RegisterSteps
        redirectUri={browser.identity.getRedirectURL()}
        copy={copy}
        cloud={initial.cloud}
        // The script's output fills the form (a new key: the form starts again from the saved ids).
        onIds={async (ids) => {
          const next = { ...initial, ...ids };
          await settingsItem.setValue(next);
          show(next, watchPrefs, history);
        }}
      />
      <OptionsForm key={`${initial.clientId}|${initial.tenant}`} initial={initial} onSave={(settings) => settingsItem.setValue(settings)} />
      <WatchSettings
        initial={watchPrefs}
        onSave={(prefs) => watchPrefsItem.setValue(prefs)}
        requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
      />
      <ActionHistory records={sanitizeHistory(history)} timeZone={timeZoneOf(initial.times)} onClear={() => void actionHistoryItem.setValue([])} />
    </main>,
    root,
  );
}

Promise.all([settingsItem.getValue(), readWatchPrefs(), actionHistoryItem.getValue()]).then(([initial, watchPrefs, history]) => {
  show(initial, watchPrefs, history);
  // Actions taken in a portal tab or the popup appear here as they happen.
  actionHistoryItem.watch((next) => show(initial, watchPrefs, next));
});
