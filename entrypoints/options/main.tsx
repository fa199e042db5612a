import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import { RegisterSteps } from '@/components/RegisterSteps';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { ActionHistory } from '@/components/actions/ActionHistory';
import { sanitizeHistory } from '@/lib/actions/history';
import { actionHistoryItem, settingsItem, timeZoneOf, type Settings } from '@/lib/settings';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root pl-page';

const show = (initial: Settings, history: unknown) =>
  render(
    <main>
      <h1>Provisioning Lens settings</h1>
      <RegisterSteps redirectUri={browser.identity.getRedirectURL()} copy={(text) => navigator.clipboard.writeText(text)} />
      <OptionsForm initial={initial} onSave={(settings) => settingsItem.setValue(settings)} />
      <ActionHistory records={sanitizeHistory(history)} timeZone={timeZoneOf(initial.times)} onClear={() => void actionHistoryItem.setValue([])} />
    </main>,
    root,
  );

Promise.all([settingsItem.getValue(), actionHistoryItem.getValue()]).then(([initial, history]) => {
  show(initial, history);
  // Actions taken in a portal tab or the popup appear here as they happen.
  actionHistoryItem.watch((next) => show(initial, next));
});
