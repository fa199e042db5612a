import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import { RegisterSteps } from '@/components/RegisterSteps';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { ActionHistory } from '@/components/actions/ActionHistory';
import { WatchSettings } from '@/components/watch/WatchSettings';
import { sanitizeHistory } from '@/lib/actions/history';
import { applyPolicy, readPolicy, type Policy } from '@/lib/policy';
import { applyPrefill, prefillOf } from '@/lib/setup/prefill';
import { sendMessage } from '@/lib/protocol';
import { TestSignIn } from '@/components/setup/TestSignIn';
import { actionHistoryItem, readWatchPrefs, settingsItem, timeZoneOf, watchPrefsItem, type Settings, type WatchPrefs } from '@/lib/settings';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root pl-page';

const copy = (text: string) => navigator.clipboard.writeText(text);

/** What the form saves: locked keys keep their local value (the policy's shows, but is not copied into local storage). */
async function saveUnderPolicy(settings: Settings, policy: Policy): Promise<void> {
  const local = await settingsItem.getValue();
  const keep = Object.fromEntries(Object.keys(policy).filter((key) => key in local).map((key) => [key, local[key as keyof Settings]]));
  await settingsItem.setValue({ ...settings, ...keep });
}

function show(local: Settings, policy: Policy, watchPrefs: WatchPrefs, history: unknown): void {
  // Opened from a portal tab: its tenant and cloud fill what is not set yet; the policy wins over both.
  const initial = applyPolicy(applyPrefill(local, prefillOf(location.search)), policy);
  render(
    <main>
      <h1>Provisioning Lens settings</h1>
      <RegisterSteps
        redirectUri={browser.identity.getRedirectURL()}
        copy={copy}
        cloud={initial.cloud}
        // The script's output fills the form (a new key: the form starts again from the saved ids).
        onIds={async (ids) => {
          const next = { ...local, ...ids };
          await settingsItem.setValue(next);
          show(next, policy, watchPrefs, history);
        }}
      />
      <OptionsForm key={`${initial.clientId}|${initial.tenant}`} initial={initial} policy={policy} onSave={(settings) => saveUnderPolicy(settings, policy)} />
      <TestSignIn run={() => sendMessage('testSignIn')} />
      <WatchSettings
        initial={watchPrefs}
        intervalLocked={policy.watchIntervalMinutes !== undefined}
        onSave={(prefs) => watchPrefsItem.setValue(prefs)}
        requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
      />
      <ActionHistory records={sanitizeHistory(history)} timeZone={timeZoneOf(initial.times)} onClear={() => void actionHistoryItem.setValue([])} />
      <p>
        <a href={browser.runtime.getURL('/tenant.html')}>Tenant overview</a>: every provisioning job of the tenant, in one table.
      </p>
    </main>,
    root,
  );
}

Promise.all([settingsItem.getValue(), readPolicy(), readWatchPrefs(), actionHistoryItem.getValue()]).then(([local, policy, watchPrefs, history]) => {
  show(local, policy, watchPrefs, history);
  // Actions taken in a portal tab or the popup appear here as they happen.
  actionHistoryItem.watch((next) => show(local, policy, watchPrefs, next));
});
