/**
 * The digest: provisioning-log records (provisioningObjectSummary, untrusted JSON) turned into what
 * an admin reads first — failures grouped by error code, biggest first, with when, where, who
 * refused, and a few objects to look at. A pure function: it never throws, whatever the records hold.
 */

/** Who refused: the target app or its data (fix it there), or the provisioning service itself. */
export type FailureCategory = 'nonServiceFailure' | 'failure' | 'mixed' | 'unknown';

export interface FailureExample {
  /** The object's display name (source first, then target); '' when the log has none. */
  displayName: string;
  /** create · update · delete · disable · stagedDelete · other, or an unknown value verbatim ('' when missing). */
  action: string;
  /** ISO time of the event, or null. */
  time: string | null;
  /** What Microsoft support asks for. */
  changeId: string | null;
}

export interface FailureStep {
  /** e.g. EntryExportAdd */
  name: string;
  /** import · scoping · matching · processing · referenceResolution · export, or verbatim. */
  type: string;
}

export interface FailureGroup {
  /** errorCode verbatim, or '' when the records carry none. */
  code: string;
  /** Distinct objects that failed with this code. */
  objects: number;
  /** Failed events (one object can fail once per cycle). */
  events: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** The step that failed most often in this group. */
  step: FailureStep | null;
  category: FailureCategory;
  /** Microsoft's recommended action when a record has one (untrusted text). */
  recommendedAction: string | null;
  /** The newest record's reason: text from Microsoft or the target app (untrusted, may be long). */
  reason: string | null;
  /** Up to three objects, newest first. */
  examples: FailureExample[];
}

export interface FailureDigest {
  groups: FailureGroup[];
  /** Failure records counted. */
  failures: number;
  /** Skipped (out of scope) records seen: expected noise, never counted as failures. */
  skipped: number;
  /** Every record looked at. */
  records: number;
}

export const MAX_EXAMPLES = 3;
/** Caps for untrusted text: enough for any real message, small enough to send between the extension's parts. */
export const TEXT_MAX = 20_000;
export const NAME_MAX = 256;

type Rec = Record<string, unknown>;
const obj = (value: unknown): Rec | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : undefined;
const text = (value: unknown, max = NAME_MAX): string => (typeof value === 'string' ? value.slice(0, max) : '');
const timeOf = (value: unknown): number | null => {
  if (typeof value !== 'string' || value.length > 64) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
};
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

interface Building {
  code: string;
  objects: Set<string>;
  events: number;
  first: number | null;
  last: number | null;
  steps: Map<string, { step: FailureStep; count: number }>;
  categories: Set<string>;
  recommended: { text: string; at: number } | null;
  reason: { text: string; at: number } | null;
  examples: (FailureExample & { at: number })[];
}

/** The failing step: the first step whose status is failure. */
function failingStep(steps: unknown): FailureStep | null {
  if (!Array.isArray(steps)) return null;
  for (const raw of steps.slice(0, 100)) {
    const step = obj(raw);
    if (step && text(step.status).toLowerCase() === 'failure')
      return { name: text(step.name), type: text(step.provisioningStepType) };
  }
  return null;
}

/** Which object: the source's id, else the target's, else a name, else this event alone. */
function objectKey(record: Rec, index: number): string {
  const source = obj(record.sourceIdentity);
  const target = obj(record.targetIdentity);
  const id = text(source?.id) || text(target?.id);
  if (id) return `id:${id}`;
  const name = text(source?.displayName) || text(target?.displayName);
  return name ? `name:${name}` : `event:${index}`;
}

/**
 * Groups failure records by error code. `since` (ms) drops older records: a simpler filter form
 * may have let them through.
 */
export function digestFailures(records: unknown, options: { since?: number } = {}): FailureDigest {
  const list = Array.isArray(records) ? records : [];
  const groups = new Map<string, Building>();
  let failures = 0;
  let skipped = 0;
  list.forEach((raw, index) => {
    const record = obj(raw);
    if (!record) return;
    const status = obj(record.provisioningStatusInfo);
    const state = text(status?.status).toLowerCase();
    if (state === 'skipped') skipped++;
    if (state !== 'failure') return;
    const at = timeOf(record.activityDateTime);
    if (options.since !== undefined && at !== null && at <= options.since) return;
    failures++;
    const error = obj(status?.errorInformation);
    const code = text(error?.errorCode);
    let group = groups.get(code);
    if (!group) {
      group = { code, objects: new Set(), events: 0, first: null, last: null, steps: new Map(), categories: new Set(), recommended: null, reason: null, examples: [] };
      groups.set(code, group);
    }
    group.events++;
    group.objects.add(objectKey(record, index));
    if (at !== null) {
      if (group.first === null || at < group.first) group.first = at;
      if (group.last === null || at > group.last) group.last = at;
    }
    const step = failingStep(record.provisioningSteps);
    if (step) {
      const key = `${step.type}|${step.name}`;
      const seen = group.steps.get(key);
      if (seen) seen.count++;
      else group.steps.set(key, { step, count: 1 });
    }
    group.categories.add(text(error?.errorCategory));
    const when = at ?? -Infinity;
    const reason = text(error?.reason, TEXT_MAX);
    if (reason && (!group.reason || when > group.reason.at)) group.reason = { text: reason, at: when };
    const recommended = text(error?.recommendedAction, TEXT_MAX);
    if (recommended && (!group.recommended || when > group.recommended.at)) group.recommended = { text: recommended, at: when };
    addExample(group, record, at);
  });
  const done = [...groups.values()].map(finish);
  done.sort((a, b) => b.objects - a.objects || b.events - a.events || (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || a.code.localeCompare(b.code));
  return { groups: done, failures, skipped, records: list.length };
}

/** Keeps the newest three distinct objects. */
function addExample(group: Building, record: Rec, at: number | null): void {
  const source = obj(record.sourceIdentity);
  const target = obj(record.targetIdentity);
  const example = {
    displayName: text(source?.displayName) || text(target?.displayName),
    action: text(record.provisioningAction),
    time: iso(at),
    changeId: text(record.changeId) || null,
    at: at ?? -Infinity,
  };
  const examples = group.examples;
  const same = examples.findIndex((e) => e.displayName !== '' && e.displayName === example.displayName);
  if (same >= 0) {
    if (example.at > examples[same]!.at) examples[same] = example;
  } else if (examples.length < MAX_EXAMPLES) examples.push(example);
  else if (example.at > examples[examples.length - 1]!.at) examples[examples.length - 1] = example;
  examples.sort((a, b) => b.at - a.at);
}

function categoryOf(seen: Set<string>): FailureCategory {
  const service = seen.has('failure');
  const app = seen.has('nonServiceFailure');
  if (service && app) return 'mixed';
  return app ? 'nonServiceFailure' : service ? 'failure' : 'unknown';
}

function finish(group: Building): FailureGroup {
  let step: FailureStep | null = null;
  let most = 0;
  for (const { step: s, count } of group.steps.values()) if (count > most) [step, most] = [s, count];
  return {
    code: group.code,
    objects: group.objects.size,
    events: group.events,
    firstSeen: iso(group.first),
    lastSeen: iso(group.last),
    step,
    category: categoryOf(group.categories),
    recommendedAction: group.recommended?.text ?? null,
    reason: group.reason?.text ?? null,
    examples: group.examples.map(({ at: _at, ...example }) => example),
  };
}
