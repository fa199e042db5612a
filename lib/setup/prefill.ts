/**
 * The options page opened from a portal tab starts with what that tab knows: the tenant its URL
 * names (`/{tenant}/` or `#@{tenant}/`) and the cloud of its host. Carried as query parameters of
 * options.html, checked on both ends like anything typed.
 */
import { isCloudId, type CloudId } from '../clouds';
import { isTenant } from '../ids';

export interface SettingsPrefill {
  tenant?: string;
  cloud?: CloudId;
}

/** Only a real tenant and cloud survive; anything else is dropped. */
export function sanitizePrefill(raw: unknown): SettingsPrefill {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  return {
    ...(isTenant(r.tenant) && r.tenant !== 'organizations' && r.tenant !== 'common' ? { tenant: String(r.tenant) } : {}),
    ...(isCloudId(r.cloud) ? { cloud: r.cloud } : {}),
  };
}

/** `?tenant=…&cloud=…` for options.html, or '' when there is nothing to carry. */
export function prefillQuery(prefill: SettingsPrefill): string {
  const clean = sanitizePrefill(prefill);
  const params = new URLSearchParams(Object.entries(clean) as [string, string][]);
  return params.size > 0 ? `?${params}` : '';
}

/** The prefill an options page URL carries. */
export function prefillOf(search: string): SettingsPrefill {
  const params = new URLSearchParams(search);
  return sanitizePrefill({ tenant: params.get('tenant') ?? undefined, cloud: params.get('cloud') ?? undefined });
}

/**
 * What the form starts with: a prefill fills only what the admin has not set yet (a tenant still
 * at "organizations" in settings that are not configured), never overwriting saved choices.
 */
export function applyPrefill<T extends { clientId: string; tenant: string; cloud: CloudId }>(settings: T, prefill: SettingsPrefill): T {
  if (settings.clientId) return settings;
  return {
    ...settings,
    ...(prefill.tenant && settings.tenant === 'organizations' ? { tenant: prefill.tenant } : {}),
    ...(prefill.cloud ? { cloud: prefill.cloud } : {}),
  };
}
