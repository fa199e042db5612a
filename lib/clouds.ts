/** The national clouds Provisioning Lens supports. Tokens never cross clouds, so every URL the extension builds starts here. */
export type CloudId = 'global' | 'usgov' | 'usgovdod' | 'china';

export interface Cloud {
  id: CloudId;
  label: string;
  graph: string;
  login: string;
  /** Portal hosts whose pages belong to this cloud (Azure portal and Entra admin center). */
  portalHosts: readonly string[];
}

export const CLOUDS: Record<CloudId, Cloud> = {
  global: {
    id: 'global',
    label: 'Global',
    graph: 'https://graph.microsoft.com',
    login: 'https://login.microsoftonline.com',
    portalHosts: ['portal.azure.com', 'entra.microsoft.com'],
  },
  usgov: {
    id: 'usgov',
    label: 'US Government (GCC High)',
    graph: 'https://graph.microsoft.us',
    login: 'https://login.microsoftonline.us',
    portalHosts: ['portal.azure.us', 'entra.microsoft.us'],
  },
  usgovdod: {
    id: 'usgovdod',
    label: 'US Government DoD',
    graph: 'https://dod-graph.microsoft.us',
    login: 'https://login.microsoftonline.us',
    // DoD shares the US Government portal hosts; the Graph host is what differs.
    portalHosts: ['portal.azure.us', 'entra.microsoft.us'],
  },
  china: {
    id: 'china',
    label: 'China (21Vianet)',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    login: 'https://login.partner.microsoftonline.cn',
    portalHosts: ['portal.azure.cn', 'entra.microsoftonline.cn'],
  },
};

export const CLOUD_IDS = Object.keys(CLOUDS) as CloudId[];

export function isCloudId(value: unknown): value is CloudId {
  return typeof value === 'string' && Object.hasOwn(CLOUDS, value);
}

/** Every portal host of every cloud, without duplicates: the content script's match list. */
export const PORTAL_HOSTS: readonly string[] = [...new Set(CLOUD_IDS.flatMap((id) => CLOUDS[id].portalHosts))];

/** Graph and sign-in hosts: the only hosts the extension may call. */
export const API_ORIGINS: readonly string[] = [
  ...new Set(CLOUD_IDS.flatMap((id) => [CLOUDS[id].graph, CLOUDS[id].login])),
];

/** The cloud a portal host belongs to. US Government hosts answer 'usgov'; DoD differs only in Graph. */
export function cloudOfPortalHost(host: string): CloudId | undefined {
  const lower = host.toLowerCase();
  return CLOUD_IDS.find((id) => CLOUDS[id].portalHosts.includes(lower));
}

/** Scopes are resource-qualified outside the global cloud. */
export function graphScope(cloud: CloudId, scope: string): string {
  return cloud === 'global' ? scope : `${CLOUDS[cloud].graph}/${scope}`;
}
