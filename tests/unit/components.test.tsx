import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyJsonButton } from '@/components/CopyJsonButton';
import { SHOWN_MAX } from '@/components/ExpandableText';
import { ErrorNotice } from '@/components/ErrorNotice';
import { JobDetails } from '@/components/JobDetails';
import { JobPicker } from '@/components/JobPicker';
import { QuarantineBlock } from '@/components/QuarantineBlock';
import { RawJson } from '@/components/RawJson';
import { StatePill } from '@/components/StatePill';
import { TimeText } from '@/components/TimeText';
import { toJobView } from '@/lib/job-view';
import { RUN_LIMIT } from '@/lib/text-breaks';
import type { LensError } from '@/lib/protocol';
import { activeView, quarantine, time, view } from './components/fixtures';

const MARKUP = '<img src=x onerror="alert(1)"><b>bold</b>';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Resolves pending promise callbacks and the renders they cause. */
const settle = () => act(async () => {});

describe('StatePill', () => {
  it('tells the state by word and icon, toned by class', () => {
    const { container } = render(<StatePill state={view().state} />);
    const pill = container.querySelector('.pl-pill')!;
    expect(pill.textContent).toBe('Quarantined');
    expect(pill.querySelector('svg[aria-hidden="true"] path')).not.toBeNull();
    expect(pill.classList.contains('pl-tone-error')).toBe(true);
  });

  it('shows an unknown state code verbatim', () => {
    render(<StatePill state={{ key: 'unknown', label: 'Throttled', tone: 'neutral' }} />);
    expect(screen.getByText('Throttled')).toBeTruthy();
  });
});

describe('TimeText', () => {
  it('puts the relative time first, the absolute one in title and for screen readers', () => {
    const { container } = render(<TimeText time={time('in 5 h', '2026-11-28T19:05:00Z')} />);
    const el = container.querySelector('time')!;
    expect(el.getAttribute('datetime')).toBe('2026-11-28T19:05:00.000Z');
    expect(el.getAttribute('title')).toBe('abs 2026-11-28 19:05');
    expect(el.textContent).toBe('in 5 h (abs 2026-11-28 19:05)');
  });

  it('reads "never" (or the given fallback) for a missing time', () => {
    render(<><TimeText time={null} /><TimeText time={null} fallback="no schedule" /></>);
    expect(screen.getByText('never')).toBeTruthy();
    expect(screen.getByText('no schedule')).toBeTruthy();
  });
});

describe('QuarantineBlock', () => {
  it('answers why, what to do, the error, since (and the series it belongs to), next attempt, disable date, who can fix it — in that order', () => {
    const { container } = render(<QuarantineBlock quarantine={quarantine()} link={{ label: 'Troubleshooting guide', href: 'https://learn.microsoft.com/x' }} />);
    const text = container.textContent!;
    const order = [
      'invalid or expired admin credentials',
      'Test Connection',
      'Restart provisioning.',
      'SalesforceInvalidCredentials',
      'The admin credentials are invalid.',
      'Quarantined since3 days ago',
      'First quarantined5 days ago',
      'Re-evaluated 4 times since, still quarantined; the 4-week limit counts from here.',
      'Next attemptin 5 h',
      'Job disabledin 23 days',
      'Fixable by youYes',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(screen.getByRole('link', { name: 'Troubleshooting guide' }).getAttribute('href')).toBe('https://learn.microsoft.com/x');
  });

  it('renders the steps as a numbered list, then the single link', () => {
    const q = quarantine({ advice: { why: 'Why.', steps: ['First.', 'Second.', 'Third.'], link: 'provisioningLogs' } });
    const { container } = render(<QuarantineBlock quarantine={q} link={{ label: 'Open the provisioning logs', href: 'https://portal.azure.com/#view/logs' }} />);
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['First.', 'Second.', 'Third.']);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Open the provisioning logs', 'https://portal.azure.com/#view/logs']]);
    expect(container.querySelector('ol a')).toBeNull(); // the link is not a fourth step
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
  });

  it('shows only an https link with the steps', () => {
    render(<QuarantineBlock quarantine={quarantine()} link={{ label: 'Evil', href: 'javascript:alert(1)' }} />);
    expect(screen.queryByRole('link', { name: 'Evil' })).toBeNull();
    expect(screen.getByText('Restart provisioning.')).toBeTruthy();
  });

  it.each([
    [true, 'Fixable by youYes: the fix is in your tenant'],
    [false, "Fixable by youNo: the app's vendor or Microsoft has to act"],
  ])('tenantActionable %s reads "%s"', (actionable, words) => {
    const q = quarantine({ error: { code: 'X', message: 'm', tenantActionable: actionable } });
    const { container } = render(<QuarantineBlock quarantine={q} />);
    expect(container.textContent).toContain(words);
  });

  it('leaves out who can fix it when Graph does not say (no "Unknown" row)', () => {
    const q = quarantine({ error: { code: 'X', message: 'm', tenantActionable: null } });
    const { container } = render(<QuarantineBlock quarantine={q} />);
    expect(container.textContent).not.toContain('Fixable by you');
    expect(container.textContent).not.toContain('Unknown');
  });

  it('renders markup in the error message as literal text', () => {
    const q = quarantine({ error: { code: 'ScimError', message: MARKUP, tenantActionable: null } });
    const { container } = render(<QuarantineBlock quarantine={q} />);
    expect(screen.getByText(MARKUP)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('collapses a long message behind "Show more"', () => {
    const message = `${'x'.repeat(300)}TAIL`;
    const q = quarantine({ error: { code: 'Long', message, tenantActionable: true } });
    const { container } = render(<QuarantineBlock quarantine={q} />);
    expect(container.textContent).not.toContain('TAIL');
    const more = screen.getByRole('button', { name: 'Show more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(container.textContent).toContain('TAIL');
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('says when the job is overdue for disabling and when facts are unknown', () => {
    const q = quarantine({ daysUntilDisable: 0, disableAt: null, nextAttempt: null, seriesBegan: null, seriesCount: null, error: null });
    const { container } = render(<QuarantineBlock quarantine={q} />);
    expect(container.textContent).toContain('Job disablednow: the 4-week limit has passed');
    expect(container.textContent).toContain('Next attemptnot scheduled');
    expect(container.textContent).not.toContain('Fixable by you');
    expect(container.textContent).not.toContain('First quarantined');
  });
});

describe('JobDetails', () => {
  it('lists last run, counts, failures, steady state ("never"), schedule and entry counts', () => {
    const { container } = render(<JobDetails view={view()} />);
    const text = container.textContent!;
    expect(text).toContain('Last runFailed');
    expect(text).toContain('Objects5 read · 0 written · 2 failed, retried later');
    expect(text).toContain('Consecutive failures4');
    expect(text).toContain('Last fully in syncnever');
    expect(text).not.toContain('First fully in sync'); // unknown: left out
    expect(text).not.toMatch(/steady state/i);
    expect(text).toContain('Scheduleevery 40 minutes');
    expect(text).toContain('user to User: 120');
  });

  it('shows a run error when no quarantine block does', () => {
    const v = activeView({ lastRun: { ...activeView().lastRun!, error: { code: 'BoxInsufficientPermissions', message: MARKUP, tenantActionable: true } } });
    const { container, rerender } = render(<JobDetails view={v} />);
    expect(container.textContent).toContain('BoxInsufficientPermissions');
    expect(screen.getByText(MARKUP)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    rerender(<JobDetails view={v} hideRunError />);
    expect(container.textContent).not.toContain('BoxInsufficientPermissions');
  });

  it("shows the error a past quarantine left on a job that is not quarantined (Microsoft's Paused example), as text", () => {
    const docsExample = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/graph-docs/get-job.docs-example.json'), 'utf8'));
    const v = toJobView(docsExample, { now: new Date('2026-11-28T10:00:00Z'), timeZone: 'UTC' });
    expect(v.state.label).toBe('Paused');
    const { container } = render(<JobDetails view={v} />);
    const term = screen.getByText('Last quarantine error');
    const detail = term.nextElementSibling!;
    expect(detail.textContent).toContain('SalesforceInvalidCredentials: Your Salesforce.com credentials are invalid.');
    expect(container.querySelector('img')).toBeNull();
    const { container: healthy } = render(<JobDetails view={activeView()} />);
    expect(healthy.textContent).not.toContain('Last quarantine error');
  });

  it('tells what to do about a failed job that is not quarantined: the advice a quarantine would get, and its link', () => {
    const advice = { why: 'Salesforce rejected the admin credentials.', steps: ['Re-enter the security token.', 'Then restart provisioning.'], link: 'provisioningPage' as const };
    const link = { label: 'Open Provisioning in the portal', href: 'https://portal.azure.com/#view/x' };
    render(<JobDetails view={activeView({ advice })} adviceLink={link} />);
    const detail = screen.getByText('What to do').nextElementSibling!;
    expect([...detail.querySelectorAll('li')].map((li) => li.textContent)).toEqual(advice.steps);
    expect(within(detail as HTMLElement).getByRole('link').getAttribute('href')).toBe(link.href);
    cleanup();
    render(<JobDetails view={activeView()} />);
    expect(screen.queryByText('What to do')).toBeNull();
  });

  it('reads "never" when the job never ran', () => {
    const { container } = render(<JobDetails view={view({ lastRun: null, consecutiveFailures: null })} />);
    expect(container.textContent).toContain('Last runnever');
    expect(container.textContent).not.toContain('Consecutive failures');
  });
});

describe('RawJson', () => {
  const job = { id: 'scim.1', status: { code: 'Quarantine', count: 3, ok: false, none: null, tags: ['a', 'b'] } };

  it('distinguishes keys and value types by class on text nodes', () => {
    const { container } = render(<RawJson value={job} />);
    const texts = (cls: string) => [...container.querySelectorAll(`.${cls}`)].map((el) => el.textContent);
    expect(texts('pl-json-key')).toEqual(['"id"', '"status"', '"code"', '"count"', '"ok"', '"none"', '"tags"']);
    expect(texts('pl-json-string')).toContain('"Quarantine"');
    expect(texts('pl-json-number')).toEqual(['3']);
    expect(texts('pl-json-boolean')).toEqual(['false']);
    expect(texts('pl-json-null')).toEqual(['null']);
  });

  it('collapses and expands objects and arrays with aria-expanded buttons', () => {
    const { container } = render(<RawJson value={job} />);
    const status = screen.getByRole('button', { name: 'status (object, 5 keys)' });
    expect(status.getAttribute('aria-expanded')).toBe('true');
    const tags = screen.getByRole('button', { name: 'status.tags (array, 2 items)' });
    expect(tags.getAttribute('aria-expanded')).toBe('false');
    expect(container.textContent).not.toContain('"a"');
    fireEvent.click(tags);
    expect(tags.getAttribute('aria-expanded')).toBe('true');
    expect(container.textContent).toContain('"a"');
    fireEvent.click(status);
    expect(status.getAttribute('aria-expanded')).toBe('false');
    expect(container.textContent).toContain('5 keys');
    expect(container.textContent).not.toContain('"code"');
  });

  it('copes with a 1 MB string: cut, then up to 100,000 characters with break opportunities, the rest left to Copy JSON', () => {
    const huge = 'y'.repeat(1024 * 1024);
    const { container } = render(<RawJson value={{ message: huge }} />);
    expect(container.textContent!.length).toBeLessThan(5000);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    const string = container.querySelector('.pl-json-string')!;
    expect(string.textContent).toContain(`"${'y'.repeat(SHOWN_MAX - 1)}`);
    expect(string.textContent).toContain(`${(1024 * 1024 + 2 - SHOWN_MAX).toLocaleString('en-US')} more characters: Copy JSON has all of them.`);
    expect(string.querySelectorAll('wbr').length).toBe(Math.ceil(SHOWN_MAX / RUN_LIMIT) - 1);
  });

  it('stops at the depth limit with a "…" marker', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    const { container } = render(<RawJson value={deep} maxDepth={5} openDepth={100} />);
    expect(container.querySelectorAll('.pl-json-key')).toHaveLength(5);
    expect(container.querySelector('.pl-json-more')!.textContent).toBe('{…}');
    expect(container.textContent).not.toContain('bottom');
  });

  it('renders a huge array in batches', () => {
    const { container } = render(<RawJson value={Array.from({ length: 5000 }, (_, i) => i)} />);
    expect(container.querySelectorAll('.pl-json-number')).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show 200 more of 4800 remaining' }));
    expect(container.querySelectorAll('.pl-json-number')).toHaveLength(400);
  });

  it('never interprets strings as markup', () => {
    const { container } = render(<RawJson value={{ html: MARKUP }} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(JSON.stringify(MARKUP));
  });
});

describe('CopyJsonButton', () => {
  it('copies the text, says "Copied" for about 2 s and announces it politely', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const copy = vi.fn(() => Promise.resolve());
    const { container } = render(<CopyJsonButton text={'{\n  "a": 1\n}'} copy={copy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    await settle();
    expect(copy).toHaveBeenCalledWith('{\n  "a": 1\n}');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(container.querySelector('[aria-live="polite"]')!.textContent).toBe('Copied');
    act(() => void vi.advanceTimersByTime(2000));
    expect(screen.getByRole('button', { name: 'Copy JSON' })).toBeTruthy();
    expect(container.querySelector('[aria-live="polite"]')!.textContent).toBe('');
  });

  it('says "Copy failed" and offers the text to copy by hand', async () => {
    const copy = vi.fn(() => Promise.reject(new Error('denied')));
    render(<CopyJsonButton text='{"a":1}' copy={copy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    await settle();
    expect(screen.getByRole('button', { name: 'Copy failed' })).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'JSON to copy by hand' }) as HTMLTextAreaElement;
    expect(box.value).toBe('{"a":1}');
    expect(box.readOnly).toBe(true);
  });
});

describe('ErrorNotice', () => {
  const error: LensError = {
    kind: 'graph',
    title: 'Graph denied access (403).',
    action: 'Your account needs Application Administrator.',
    detail: MARKUP,
    status: 403,
    code: 'Authorization_RequestDenied',
    requestId: '11111111-2222-4333-8444-555555555555',
    clientRequestId: '66666666-7777-4888-8999-000000000000',
  };

  it('tells what happened, what to do, the detail as text, status and both request ids', () => {
    const { container } = render(<ErrorNotice error={error} />);
    expect(screen.getByText('Graph denied access (403).')).toBeTruthy();
    expect(screen.getByText('Your account needs Application Administrator.')).toBeTruthy();
    expect(screen.getByText(MARKUP)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('403 · Authorization_RequestDenied');
    // Ids in monospace, each one whole, in pieces that end at dots (a line breaks between pieces only).
    const ids = [...container.querySelectorAll('.pl-id .pl-mono')];
    expect(ids.map((id) => id.textContent)).toEqual([error.requestId, error.clientRequestId]);
    for (const id of ids) {
      const pieces = [...id.querySelectorAll('.pl-piece')].map((piece) => piece.textContent);
      expect(pieces.join('')).toBe(id.textContent);
      expect(pieces.slice(0, -1).every((piece) => piece!.endsWith('.'))).toBe(true);
    }
  });

  it('copies a request id', async () => {
    const copy = vi.fn(() => Promise.resolve());
    render(<ErrorNotice error={error} copy={copy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy request ID' }));
    await settle();
    expect(copy).toHaveBeenCalledWith(error.requestId);
    fireEvent.click(screen.getByRole('button', { name: 'Copy client request ID' }));
    expect(copy).toHaveBeenLastCalledWith(error.clientRequestId);
  });
});

describe('JobPicker', () => {
  it('labels options "state · template" in the given order (the full id is in the card) and reports the choice', () => {
    const onChange = vi.fn();
    render(<JobPicker views={[view(), activeView()]} index={0} onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Job' }) as HTMLSelectElement;
    const labels = within(select).getAllByRole('option').map((option) => option.textContent);
    expect(labels).toEqual(['Quarantined · scim', 'Active · Box']);
    fireEvent.change(select, { target: { value: '1' } });
    expect(onChange).toHaveBeenCalledWith(1);
  });

  it('numbers jobs that would read the same', () => {
    render(<JobPicker views={[activeView(), view(), activeView({ jobId: 'Box.2' })]} index={0} onChange={() => {}} />);
    const labels = within(screen.getByRole('combobox', { name: 'Job' })).getAllByRole('option').map((option) => option.textContent);
    expect(labels).toEqual(['Active · Box (1)', 'Quarantined · scim', 'Active · Box (2)']);
  });

  it('is absent when there is a single job', () => {
    render(<JobPicker views={[view()]} index={0} onChange={() => {}} />);
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
