/**
 * What to do about a provisioning job in trouble (quarantine.md), for the quarantine block and for a
 * failed job alike, so no screen contradicts another.
 *
 * The error code and the job's template say more than the quarantine reason: Microsoft files a Cloud
 * Sync agent outage, a Salesforce password and a cross-tenant policy all under
 * `EncounteredQuarantineException`. So the code family decides first, then the template, then the
 * reason. Pure: strings in, strings out; unknown values are quoted as plain text, cut like labels.
 */
import { label, LABEL_MAX } from '../json-fields';
import { CODE_PATTERNS, CODES, FAMILIES, LOGS_AND_AUDIT, REASONS, type Advice, type CodeDetail, type Family } from './advice-texts';
import { templateInfo } from './templates';

export { KNOWN_QUARANTINE_REASONS, type Advice, type PortalPlace } from './advice-texts';

export interface AdviceInput {
  /** `job.templateId`, e.g. `scim`, `AD2AADProvisioning`, `Azure2Azure`. */
  templateId?: unknown;
  /** `quarantine.reason`; `''` for a quarantine without one; null or absent when the job is not quarantined. */
  reason?: unknown;
  /** The error's `code` (the quarantine's, else the last run's). */
  errorCode?: unknown;
  /** The error's `message`: untrusted text, only ever quoted. */
  message?: unknown;
}

/** The screen has room for this many; more would bury the first. */
export const MAX_STEPS = 3;

/** Codes arrive from Graph as strings; anything else is no code. */
function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function codeFamily(code: string, agentTemplate: boolean): CodeDetail | null {
  const detail = CODES.get(code) ?? familyByPattern(code);
  // A Cloud Sync job has no admin credentials or SCIM endpoint: it connects through its agent and service account.
  if (agentTemplate && detail?.family === 'appCredentials') return { family: 'serviceAccount' };
  if (agentTemplate && detail?.family === 'scimCompliance') return { family: 'agent' };
  return detail;
}

function familyByPattern(code: string): CodeDetail | null {
  const match = CODE_PATTERNS.find(([pattern]) => pattern.test(code));
  return match ? { family: match[1] } : null;
}

function advice(family: Family, why: string | undefined, first?: string): Advice {
  const base = FAMILIES[family];
  const steps = first ? [first, ...base.steps.slice(1)] : [...base.steps];
  return { why: why ?? base.why, steps: steps.slice(0, MAX_STEPS), ...(base.link && { link: base.link }) };
}

/** Advice when neither the code nor the reason is one this version knows: quote the error, point to the logs. */
function unknownAdvice(reason: string | null, code: string, message: string): Advice {
  // A message can be a megabyte: only the part that survives the cut is tidied.
  const error = [code, message].filter((part) => part.trim() !== '').join(': ').slice(0, 4 * LABEL_MAX).replace(/\s+/g, ' ').trim();
  const quote = error ? [`Look this error up in the provisioning logs: "${label(error)}"`] : [];
  if (reason === null) {
    return {
      why: error ? 'Provisioning reported an error this version does not explain.' : 'The last run failed, and Graph named no error.',
      steps: quote.length > 0 ? quote : ["Look at this job's failures in the provisioning logs."],
      link: 'provisioningLogs',
    };
  }
  const why =
    reason.trim() === '' || reason === 'Unknown'
      ? 'Graph gave no reason.'
      : `Graph gave a reason this version does not know: ${label(reason)}`;
  return { why, steps: [...quote, LOGS_AND_AUDIT], link: 'provisioningLogs' };
}

/**
 * The advice for a job: from the error code's family first (a busy server gives way to a threshold
 * reason, which retrying alone does not lift), then the template (Cloud Sync, cross-tenant sync),
 * then the quarantine reason; else the error quoted and the logs.
 */
export function adviceFor({ templateId, reason, errorCode, message }: AdviceInput): Advice {
  const template = templateInfo(str(templateId));
  const agentTemplate = template.viaAgent;
  const rawReason = reason === null || reason === undefined ? null : str(reason);
  const byReason = rawReason === null ? undefined : REASONS.get(rawReason);
  const code = str(errorCode);
  const byCode = code ? codeFamily(code, agentTemplate) : null;

  const thresholdReason = byReason?.family === 'escrow' || byReason?.family === 'deletes';
  if (byCode && !(byCode.family === 'transient' && thresholdReason)) {
    const why = byCode.why ?? (byReason?.family === byCode.family ? byReason.why : undefined);
    return advice(byCode.family, why, byCode.first);
  }
  if (byReason?.family === 'appCredentials' && agentTemplate) return advice('agent', undefined);
  if (byReason?.family === 'appCredentials' && template.family === 'crossTenant') return advice('crossTenant', undefined);
  if (byReason) return advice(byReason.family, byReason.why);
  return unknownAdvice(rawReason, code, str(message));
}
