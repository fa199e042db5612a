import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import { RegisterSteps } from '@/components/RegisterSteps';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { readWatchPrefs, settingsItem, watchPrefsItem, type Settings, type WatchPrefs } from '@/lib/settings';
import { WatchSettings } from '@/components/watch/WatchSettings';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root pl-page';

const copy = (text: string) => navigator.clipboard.writeText(text);

function show(initial: Settings, watchPrefs: WatchPrefs): void {
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
          show(next, watchPrefs);
        }}
      />
      <OptionsForm key={`${initial.clientId}|${initial.tenant}`} initial={initial} onSave={(settings) => settingsItem.setValue(settings)} />
      <WatchSettings
        initial={watchPrefs}
        onSave={(prefs) => watchPrefsItem.setValue(prefs)}
        requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
      />
    </main>,
    root,
  );
}

Promise.all([settingsItem.getValue(), readWatchPrefs()]).then(([initial, watchPrefs]) => show(initial, watchPrefs));
