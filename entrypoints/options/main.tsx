import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import { RegisterSteps } from '@/components/RegisterSteps';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { readWatchPrefs, settingsItem, watchPrefsItem } from '@/lib/settings';
import { WatchSettings } from '@/components/watch/WatchSettings';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root pl-page';

Promise.all([settingsItem.getValue(), readWatchPrefs()]).then(([initial, watchPrefs]) => {
  render(
    <main>
      <h1>Provisioning Lens settings</h1>
      <RegisterSteps redirectUri={browser.identity.getRedirectURL()} copy={(text) => navigator.clipboard.writeText(text)} />
      <OptionsForm initial={initial} onSave={(settings) => settingsItem.setValue(settings)} />
      <WatchSettings
        initial={watchPrefs}
        onSave={(prefs) => watchPrefsItem.setValue(prefs)}
        requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
      />
    </main>,
    root,
  );
});
