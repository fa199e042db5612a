import { render } from 'preact';
import { LENS_CSS, PAGE_CSS } from '@/components/styles';
import { TenantApp } from '@/components/tenant/TenantApp';
import { TENANT_CSS } from '@/components/tenant/styles';
import { createLensClient } from '@/lib/client';
import { createTenantClient } from '@/lib/tenant/client';
import { settingsItem, timeZoneOf } from '@/lib/settings';
import { readLastScan, saveLastScan } from '@/lib/tenant/last-scan';

document.head.append(Object.assign(document.createElement('style'), { textContent: LENS_CSS + PAGE_CSS + TENANT_CSS }));
const root = document.getElementById('app')!;
root.className = 'pl-root pl-page pl-tenant';

/** A file from text, saved through the browser's download of a blob URL. */
function download(fileName: string, mimeType: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

Promise.all([settingsItem.getValue(), readLastScan()]).then(([settings, lastScan]) => {
  render(
    <TenantApp
      client={createLensClient()}
      tenantClient={createTenantClient()}
      cloud={settings.cloud}
      tenant={settings.tenant}
      clientId={settings.clientId}
      timeZone={timeZoneOf(settings.times)}
      lastScan={lastScan}
      save={saveLastScan}
      download={download}
      copy={(text) => navigator.clipboard.writeText(text)}
    />,
    root,
  );
});
