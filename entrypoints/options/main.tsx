import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import { RegisterSteps } from '@/components/RegisterSteps';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { settingsItem } from '@/lib/settings';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root pl-page';

settingsItem.getValue().then((initial) => {
  render(
    <main>
      <h1>Provisioning Lens settings</h1>
      <RegisterSteps redirectUri={browser.identity.getRedirectURL()} copy={(text) => navigator.clipboard.writeText(text)} />
      <OptionsForm initial={initial} onSave={(settings) => settingsItem.setValue(settings)} />
      <p>
        <a href={browser.runtime.getURL('/tenant.html')}>Tenant overview</a>: every provisioning job of the tenant, in one table.
      </p>
    </main>,
    root,
  );
});
