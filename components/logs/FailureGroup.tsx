import type { FailureCategory, FailureGroup as Group } from '@/lib/logs/digest';
import { toTimeView } from '@/lib/time';
import { ExpandableText } from '../ExpandableText';
import { CodeText, CopyableId } from '../IdText';
import { TimeText } from '../TimeText';

export interface FailureGroupProps {
  group: Group;
  now: Date;
  timeZone?: string;
  copy: (text: string) => Promise<void>;
}

/** Who has to act: the category in the admin's words. */
const WHO: Record<FailureCategory, string> = {
  nonServiceFailure: 'The target app refused the change: fix it in the app or in the data.',
  failure: 'The provisioning service failed: it retries; open a support case if it persists.',
  mixed: 'Both: the target app refused some changes, the provisioning service failed on others.',
  unknown: 'The logs do not say.',
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** One error code: how much, since when, where it failed, who refused, why, and a few objects to look at. */
export function FailureGroup({ group, now, timeZone, copy }: FailureGroupProps) {
  const time = (iso: string | null) => toTimeView(iso, now, timeZone);
  return (
    <li class="pl-failure">
      <p class="pl-failure-head">
        {group.code ? <CodeText code={group.code} /> : <span>No error code</span>}
        <span class="pl-caption"> · {plural(group.objects, 'object', 'objects')}, {plural(group.events, 'event', 'events')}</span>
      </p>
      <dl class="pl-dl">
        <dt>Who</dt>
        <dd>{WHO[group.category]}</dd>
        {group.step && (
          <>
            <dt>Failing step</dt>
            <dd>{group.step.type || 'unknown'}{group.step.name && <span class="pl-caption"> ({group.step.name})</span>}</dd>
          </>
        )}
        <dt>Last seen</dt>
        <dd><TimeText time={time(group.lastSeen)} fallback="unknown" /></dd>
        <dt>First seen</dt>
        <dd><TimeText time={time(group.firstSeen)} fallback="unknown" /></dd>
        {group.recommendedAction && (
          <>
            <dt>Recommended</dt>
            <dd><ExpandableText text={group.recommendedAction} /></dd>
          </>
        )}
        {group.reason && (
          <>
            <dt>Reason</dt>
            <dd><ExpandableText text={group.reason} limit={200} /></dd>
          </>
        )}
      </dl>
      {group.examples.some((e) => e.changeId) && <p class="pl-caption">Examples; a change ID is what Microsoft support asks for.</p>}
      <ul class="pl-failure-examples" aria-label={`Objects failing with ${group.code || 'no error code'}`}>
        {group.examples.map((example, i) => (
          <li key={i}>
            <span>{example.displayName || 'Unnamed object'}</span>
            <span class="pl-caption"> · {example.action || 'unknown action'} · <TimeText time={time(example.time)} fallback="unknown time" /></span>
            {example.changeId && (
              <span class="pl-change">
                <CopyableId id={example.changeId} name="Change ID" copy={copy} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}
