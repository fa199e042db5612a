/** Identifier validation. Every id passes through here before it can reach a Graph URL. */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID in its canonical 8-4-4-4-12 form. */
export function isGuid(value: unknown): boolean {
  return typeof value === 'string' && GUID.test(value);
}

/** Lower-cased GUID, or undefined when `value` is not one (surrounding whitespace tolerated). */
export function normalizeGuid(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return isGuid(trimmed) ? trimmed.toLowerCase() : undefined;
}

/**
 * Job ids look like `{templateId}.{tenantIdNoDashes}[.{guid}]`. They are opaque, so accept the
 * characters Graph uses (letters, digits, dot, dash, underscore) and nothing that could change a path.
 */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,255}$/;

export function isJobId(value: unknown): value is string {
  return typeof value === 'string' && JOB_ID.test(value) && !value.includes('..');
}

/**
 * Synchronization template ids (`scim`, `AD2AADProvisioning`, `SfSandboxOutDelta`): identifiers,
 * shown as labels only, never put in a URL.
 */
const TEMPLATE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isTemplateId(value: unknown): value is string {
  return typeof value === 'string' && TEMPLATE_ID.test(value);
}

/** Tenant aliases MSAL accepts in an authority besides a tenant id or verified domain. */
export const TENANT_ALIASES = ['organizations', 'common'] as const;

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** A directory (tenant) id, a verified domain such as contoso.onmicrosoft.com, or a known alias. */
export function isTenant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (isGuid(value)) return true;
  return (TENANT_ALIASES as readonly string[]).includes(value.toLowerCase()) || DOMAIN.test(value);
}
