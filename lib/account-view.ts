/** Who is signed in, and to which tenant, as the popup's header tells it. Pure: tests pass plain objects. */
import { isGuid, TENANT_ALIASES } from './ids';
import type { AuthState } from './protocol';

/**
 * The configured tenant when it is a verified domain (contoso.onmicrosoft.com): sign-in goes through
 * that tenant's authority, so it is the signed-in account's tenant too. Not for a GUID (the account
 * carries the id itself) nor for "organizations"/"common", which name no tenant.
 */
export function tenantDomainOf(configuredTenant: string): string | undefined {
  const tenant = configuredTenant.trim().toLowerCase();
  if (!tenant || isGuid(tenant) || (TENANT_ALIASES as readonly string[]).includes(tenant)) return undefined;
  return tenant;
}

export interface AccountView {
  /** The sign-in name, in full. */
  account: string;
  /** Hover text: the display name with the sign-in name. */
  accountTitle: string;
  /** The tenant's domain, else its id; absent when neither is known. */
  tenant?: string;
  /** Hover text: the domain and the id, whichever are known. */
  tenantTitle?: string;
}

/** The header's account and tenant, or null when no working session is known. */
export function accountView(auth: AuthState | null): AccountView | null {
  const account = auth?.account;
  if (!account || auth.needsSignIn || !account.username) return null;
  const name = account.name?.trim();
  const view: AccountView = {
    account: account.username,
    accountTitle: name && name !== account.username ? `Signed in as ${name} (${account.username})` : `Signed in as ${account.username}`,
  };
  const tenantId = account.tenantId?.trim() || undefined;
  const domain = auth.tenantDomain?.trim() || undefined;
  const tenant = domain ?? tenantId;
  if (tenant) {
    view.tenant = tenant;
    view.tenantTitle = domain && tenantId ? `Tenant ${domain} (ID ${tenantId})` : `Tenant ${tenant}`;
  }
  return view;
}
