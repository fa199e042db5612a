/**
 * Why a sign-in failed, in the admin's words (setup-and-deployment.md). Entra says it with an AADSTS
 * number: in the URL the sign-in window ends on (`error`, `error_description`, query or fragment), or
 * in MSAL's error (`errorNo`, `errorMessage`). Each number known here gets what to do; any other its
 * number, Entra's text and Entra's own page about it. Pure: no browser APIs.
 */
import { CLOUDS, type CloudId } from '../clouds';
import type { LensError } from '../protocol';
import type { AuthFailure } from './types';

export interface SignInContext {
  clientId: string;
  tenant: string;
  cloud: CloudId;
  redirectUri: string;
}

/** The AADSTS number of a failure: MSAL's errorNo, else the first "AADSTS<n>" in its texts. */
export function aadstsOf(failure: Pick<AuthFailure, 'aadsts' | 'errorCode' | 'description'>): string | undefined {
  if (failure.aadsts && /^\d{4,8}$/.test(failure.aadsts)) return failure.aadsts;
  return /AADSTS(\d{4,8})/.exec(`${failure.errorCode ?? ''} ${failure.description ?? ''}`)?.[1];
}

/** The error a sign-in window ended on, from its final URL (query or fragment), if it carries one. */
export function authorizeErrorOf(responseUrl: string): Pick<AuthFailure, 'errorCode' | 'description' | 'aadsts'> | null {
  let url: URL;
  try {
    url = new URL(responseUrl);
  } catch {
    return null;
  }
  for (const params of [new URLSearchParams(url.hash.slice(1)), url.searchParams]) {
    const error = params.get('error');
    if (!error) continue;
    const description = params.get('error_description') ?? undefined;
    const codes = /\d{4,8}/.exec(params.get('error_codes') ?? '')?.[0];
    return { errorCode: error.slice(0, 100), description: description?.slice(0, 2_000), aadsts: codes ?? aadstsOf({ description }) };
  }
  return null;
}

/** Entra's admin-consent page for this app, in its cloud: an admin opens it once for the whole tenant. */
export function adminConsentUrl(ctx: SignInContext): string {
  return `${CLOUDS[ctx.cloud].login}/${encodeURIComponent(ctx.tenant)}/adminconsent?client_id=${encodeURIComponent(ctx.clientId)}`;
}

type Advice = Pick<LensError, 'title' | 'action'>;

const ADVICE: Record<string, (ctx: SignInContext) => Advice> = {
  '50011': (ctx) => ({
    title: 'The redirect URI is not registered for this app.',
    action: `In the app registration, under Authentication → Single-page application, add exactly ${ctx.redirectUri} and save; then sign in again.`,
  }),
  '9002326': (ctx) => moveToSpa(ctx),
  '7000218': (ctx) => moveToSpa(ctx),
  '700016': () => ({
    title: 'Entra does not know this Application (client) ID in that tenant.',
    action: "Check the Application (client) ID and the Directory (tenant) ID in the settings against the app registration's Overview page.",
  }),
  '65001': (ctx) => consent(ctx),
  '90094': (ctx) => consent(ctx),
  '90095': (ctx) => consent(ctx),
  '65004': () => ({
    title: 'The permission request was declined.',
    action: 'Sign in again and accept, or ask an admin to grant consent for the app registration.',
  }),
  '50020': () => wrongAccount(),
  '50194': () => wrongAccount(),
  '50076': () => signInAgain('Your organization requires multifactor authentication for this sign-in.'),
  '50079': () => signInAgain('Your organization requires you to register for multifactor authentication.'),
  '700084': () => signInAgain('Your sign-in for this extension expired (they last 24 hours).'),
  '53003': () => blocked(),
  '530003': () => blocked(),
};

function moveToSpa(ctx: SignInContext): Advice {
  return {
    title: 'The redirect URI is registered under the wrong platform.',
    action: `In the app registration, under Authentication, remove ${ctx.redirectUri} from "Web" or "Mobile and desktop applications" and add it under "Single-page application".`,
  };
}

function consent(ctx: SignInContext): Advice {
  return {
    title: 'The app registration needs consent for the permissions it asks for.',
    action: `An admin can grant it for the whole tenant at ${adminConsentUrl(ctx)} (or API permissions → Grant admin consent); then sign in again.`,
  };
}

function wrongAccount(): Advice {
  return {
    title: 'That account is not in the tenant of this app registration.',
    action: 'Sign in with an account of that tenant, or put the right Directory (tenant) ID in the settings.',
  };
}

function signInAgain(what: string): Advice {
  return { title: what, action: 'Select Sign in and complete the sign-in in the window that opens.' };
}

function blocked(): Advice {
  return {
    title: 'Conditional Access blocks sign-in from this browser or device.',
    action: "Ask your identity admins which policy applies (its name is in Entra's sign-in logs), or sign in from a compliant device.",
  };
}

/** What the admin is told when an interactive sign-in did not end with an account. */
export function explainSignInFailure(failure: AuthFailure, ctx: SignInContext): LensError {
  const code = aadstsOf(failure);
  const detail = failure.description;
  if (failure.reason === 'cancelled' && !code) {
    return {
      kind: 'auth',
      title: 'The sign-in window closed before signing in finished.',
      action:
        'If you closed it, select Sign in again. If Entra showed an error page in it, the app registration is not set up yet: ' +
        `AADSTS50011 means the redirect URI ${ctx.redirectUri} is missing under Single-page application, AADSTS700016 a wrong ` +
        'Application (client) ID or tenant. Fix that, then sign in again.',
      detail,
    };
  }
  const known = code ? ADVICE[code]?.(ctx) : undefined;
  if (known) return { kind: 'auth', ...known, code: `AADSTS${code}`, detail };
  return {
    kind: 'auth',
    title: code ? `Sign-in failed (AADSTS${code}).` : 'Sign-in failed.',
    action: code
      ? `Entra explains this code at ${CLOUDS[ctx.cloud].login}/error?code=${code}. Check the app registration and the settings, then sign in again.`
      : 'Check that the app registration has the redirect URI shown in the settings under "Single-page application", and that Synchronization.Read.All has admin consent.',
    code: code ? `AADSTS${code}` : failure.errorCode,
    detail,
  };
}
