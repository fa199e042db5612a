/**
 * The provisioning logs' own refusals, told apart: each has one different fix (grant consent, buy a
 * licence, get a role, wait). Graph's message stays `detail`, text only.
 */
import { describeGraphFailure } from '../errors';
import type { GraphFailure } from '../graph-client';
import type { LensError } from '../protocol';
import type { FailuresProblem } from './types';

/** The roles Microsoft lists as able to read provisioning logs (owners of the app can read its own). */
export const LOG_READER_ROLES = 'Reports Reader, Security Reader, Global Reader, Application Administrator or Cloud Application Administrator';

export function describeLogsFailure(failure: GraphFailure): { problem: FailuresProblem; error: LensError } {
  const base = describeGraphFailure(failure, 'The provisioning logs');
  const { status, code = '' } = failure;
  if (failure.kind === 'timeout') return { problem: 'timeout', error: { ...base, title: 'The provisioning logs did not answer in time.', action: 'Select Try again. Busy tenants can take a while to answer log queries.' } };
  if (status === 403 && code === 'Authentication_MSGraphPermissionMissing')
    return {
      problem: 'consent',
      error: { ...base, title: 'Reading provisioning logs needs permissions that have not been granted (403).', action: 'Select Grant access: it asks for AuditLog.Read.All and Directory.Read.All. Both need admin consent for your app registration.' },
    };
  if (status === 403 && /NonPremium|B2CTenant|License|Licence/i.test(code))
    return {
      problem: 'licence',
      error: { ...base, title: 'This tenant cannot read provisioning logs through Graph (403).', action: 'Provisioning logs in Graph need Microsoft Entra ID P1 or P2. The portal still shows the logs; open them there.' },
    };
  // Any other 403 (Authorization_RequestDenied…): the job-reading roles of the generic advice are the wrong list here.
  if (status === 403)
    return {
      problem: 'role',
      error: { ...base, title: 'Graph denied access to the provisioning logs (403).', action: `Reading provisioning logs needs one of: ${LOG_READER_ROLES}, and admin consent for AuditLog.Read.All and Directory.Read.All.` },
    };
  if (status === 401)
    return {
      problem: 'role',
      error: { ...base, title: 'Graph refused to read the provisioning logs (401): your account probably lacks a role.', action: `Reading provisioning logs needs one of: ${LOG_READER_ROLES}. Ask for one, sign in again, then select Try again.` },
    };
  if (status === 429)
    return {
      problem: 'throttled',
      error: { ...base, title: 'The provisioning logs are throttling requests (429).', action: failure.retryAfterSeconds ? `Graph allows 5 log queries per 10 s per tenant. Wait about ${failure.retryAfterSeconds} s, then select Try again.` : 'Graph allows 5 log queries per 10 s per tenant. Wait a moment, then select Try again.' },
    };
  return { problem: 'other', error: base };
}
