import type { ComponentChildren } from 'preact';
import type { LensError } from '@/lib/protocol';
import { ExpandableText } from './ExpandableText';
import { CopyableId } from './IdText';

export interface ErrorNoticeProps {
  error: LensError;
  /** When given, request ids get a copy button; they are selectable either way. */
  copy?: (text: string) => Promise<void>;
  /** Extra actions (e.g. Refresh), shown under the notice. */
  children?: ComponentChildren;
}

interface IdProps {
  label: string;
  value: string;
  copy?: (text: string) => Promise<void>;
}

function SupportId({ label, value, copy }: IdProps) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <CopyableId id={value} name={label} copy={copy} />
      </dd>
    </>
  );
}

/** What happened, what to do, the detail as text, and the ids support will ask for. */
export function ErrorNotice({ error, copy, children }: ErrorNoticeProps) {
  const status = [error.status, error.code].filter((part) => part !== undefined && part !== '').join(' · ');
  return (
    <section class="pl-error" aria-label="Error">
      <p class="pl-error-title">
        <span aria-hidden="true">⚠ </span>
        {error.title}
      </p>
      <p>{error.action}</p>
      {error.detail && (
        <p class="pl-caption">
          <ExpandableText text={error.detail} />
        </p>
      )}
      {(status || error.requestId || error.clientRequestId) && (
        <dl class="pl-dl">
          {status && (
            <>
              <dt>Status</dt>
              <dd class="pl-mono">{status}</dd>
            </>
          )}
          {error.requestId && <SupportId label="Request ID" value={error.requestId} copy={copy} />}
          {error.clientRequestId && <SupportId label="Client request ID" value={error.clientRequestId} copy={copy} />}
        </dl>
      )}
      {children && <div class="pl-actions">{children}</div>}
    </section>
  );
}
