/**
 * "Test sign-in" on the options page: after a sign-in, a silent token for each feature's permissions
 * tells which features are ready, which need consent (with the admin-consent link), and which are
 * blocked (and why). Silent only: it never opens a consent screen for a feature the admin has not
 * chosen to use.
 */
import { GRANTS, SYNC_SCOPE, type Grant } from '../auth/grants';
import { adminConsentUrl, explainSignInFailure, type SignInContext } from '../auth/sign-in-errors';
import type { AuthFailure } from '../auth/types';
import type { LensError } from '../protocol';

export type Feature = 'read' | Grant;

export const FEATURES: readonly { feature: Feature; label: string; scopes: readonly string[] }[] = [
  { feature: 'read', label: 'Read provisioning jobs', scopes: [SYNC_SCOPE] },
  { feature: 'appRead', label: 'Lookups by application ID, tenant overview', scopes: GRANTS.appRead },
  { feature: 'logs', label: 'Recent failures (provisioning logs)', scopes: GRANTS.logs },
  { feature: 'actions', label: 'Job actions (restart, start, pause)', scopes: GRANTS.actions },
];

export type FeatureStatus =
  | { feature: Feature; label: string; status: 'ready' }
  | { feature: Feature; label: string; status: 'needsConsent'; consentUrl: string }
  | { feature: Feature; label: string; status: 'blocked'; error: LensError };

export type SignInTest = { ok: true; username: string; features: FeatureStatus[] } | { ok: false; error: LensError };

/** The token outcome of one feature: null when a silent token came, else why not. */
export type TokenProbe = (scopes: readonly string[]) => Promise<AuthFailure | null>;

/** Each feature's status from a silent token attempt for its scopes. */
export async function testFeatures(probe: TokenProbe, ctx: SignInContext): Promise<FeatureStatus[]> {
  const results: FeatureStatus[] = [];
  for (const { feature, label, scopes } of FEATURES) {
    const failure = await probe(scopes);
    if (!failure) results.push({ feature, label, status: 'ready' });
    else if (failure.reason === 'signInRequired') results.push({ feature, label, status: 'needsConsent', consentUrl: adminConsentUrl(ctx) });
    else results.push({ feature, label, status: 'blocked', error: explainSignInFailure(failure, ctx) });
  }
  return results;
}
