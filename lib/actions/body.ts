/**
 * The restart request's body. Built from a named choice only, and checked flag by flag again, so
 * that a forbidden flag (`Full`, `ConnectorDataStore`, `None`) can never reach Graph even if a
 * future edit to RESTART_SCOPES slipped one in.
 */
import { isRestartChoice, RESTART_SCOPES, type RestartChoice } from './types';

/** The flags a restart may carry (job-actions.md); everything else is refused. */
const ALLOWED_FLAGS = new Set(['QuarantineState', 'Escrows', 'Watermark', 'ForceDeletes']);

export class ForbiddenScopeError extends Error {
  constructor(scope: string) {
    super(`Refused reset scope: ${scope.slice(0, 80)}`);
    this.name = 'ForbiddenScopeError';
  }
}

/** The resetScope string for a choice; throws on anything that is not one. */
export function resetScopeOf(choice: RestartChoice): string {
  if (!isRestartChoice(choice)) throw new ForbiddenScopeError(String(choice));
  const scope = RESTART_SCOPES[choice];
  const flags = scope.split(',').map((flag) => flag.trim());
  if (flags.length === 0 || flags.some((flag) => !ALLOWED_FLAGS.has(flag))) throw new ForbiddenScopeError(scope);
  return scope;
}

/** `{"criteria":{"resetScope":"…"}}`, the body of POST …/restart. */
export function restartBody(choice: RestartChoice): string {
  return JSON.stringify({ criteria: { resetScope: resetScopeOf(choice) } });
}
