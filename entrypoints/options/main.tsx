import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { settingsItem } from '@/lib/settings';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root pl-page';

settingsItem.getValue().then((initial) => {
  render(
    <main>
      <h1>Provisioning Lens settings</h1>
      <OptionsForm
        initial={initial}
        redirectUri={browser.identity.getRedirectURL()}
        onSave={(settings) => settingsItem.setValue(settings)}
        copy={(text) => navigator.clipboard.writeText(text)}
      />
    </main>,
    root,
  );
});
