import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LABEL_MAX } from '@/lib/json-fields';
import type { JobsFound } from '@/lib/protocol';
import { recentLookupOf, recentLookupText, shortId } from '@/lib/recent-lookups';
import { MAX_RECENT_LOOKUPS, readRecentLookups, rememberLookup, sanitizeRecentLookups, type RecentLookup } from '@/lib/settings';

const SP = '1cb5ed7d-54c1-4f07-897b-1113324c771c';
const found = (jobs: unknown[], displayName?: string): JobsFound => ({ kind: 'jobs', servicePrincipalId: SP, displayName, jobs, fetchedAt: '2026-11-28T14:00:00Z' });

describe('recentLookupOf', () => {
  it('records the app name when the lookup had one', () => {
    expect(recentLookupOf(found([{ templateId: 'scim' }], ' Contoso HR '), 'scim.0a1b')).toEqual({ servicePrincipalId: SP, jobId: 'scim.0a1b', label: 'Contoso HR' });
  });

  it('else the template ids of the jobs, once each, in order', () => {
    const jobs = [{ templateId: 'AD2AADProvisioning' }, { templateId: 'AD2AADPasswordHash' }, { templateId: 'AD2AADProvisioning' }];
    expect(recentLookupOf(found(jobs))).toEqual({ servicePrincipalId: SP, templateIds: ['AD2AADProvisioning', 'AD2AADPasswordHash'] });
  });

  it('takes the template from the job id when templateId is missing, and skips what is not an identifier', () => {
    const jobs = [{ id: 'scim.5f4eb598' }, { templateId: '<b>x</b>' }, null, 'job', { id: 'no-dot' }, { templateId: 42 }];
    expect(recentLookupOf(found(jobs))).toEqual({ servicePrincipalId: SP, templateIds: ['scim', '42'] });
  });

  it('records the ids alone when nothing names the app', () => {
    expect(recentLookupOf(found([]))).toEqual({ servicePrincipalId: SP });
  });

  it('cuts a giant display name', () => {
    expect(recentLookupOf(found([], 'n'.repeat(10_000))).label).toHaveLength(LABEL_MAX);
  });
});

describe('recentLookupText', () => {
  it.each<[string, RecentLookup, { primary: string; primaryIsId: boolean; secondary: string }]>([
    ['an app name', { servicePrincipalId: SP, label: 'Contoso HR' }, { primary: 'Contoso HR', primaryIsId: false, secondary: '1cb5ed7d…' }],
    ['template ids and a job', { servicePrincipalId: SP, jobId: 'scim.5f4eb598671f406688307ec82393defd', templateIds: ['scim'] },
      { primary: 'scim', primaryIsId: false, secondary: '1cb5ed7d… · scim.5f4eb598…' }],
    ['two templates', { servicePrincipalId: SP, templateIds: ['AD2AADProvisioning', 'AD2AADPasswordHash'] },
      { primary: 'AD2AADProvisioning, AD2AADPasswordHash', primaryIsId: false, secondary: '1cb5ed7d…' }],
    ['an old entry without a label', { servicePrincipalId: SP }, { primary: SP, primaryIsId: true, secondary: '' }],
    ['an old entry with a job', { servicePrincipalId: SP, jobId: 'scim.5f4e' }, { primary: SP, primaryIsId: true, secondary: 'scim.5f4e' }],
  ])('%s', (_name, item, text) => {
    expect(recentLookupText(item)).toMatchObject(text);
  });
});

describe('shortId', () => {
  it.each([
    [SP, '1cb5ed7d…'],
    ['scim.5f4eb598671f406688307ec82393defd', 'scim.5f4eb598…'],
    ['scim.0a1b', 'scim.0a1b'],
    ['x'.repeat(60), 'xxxxxxxx…'],
  ])('%s → %s', (id, short) => {
    expect(shortId(id)).toBe(short);
  });
});

describe('sanitizeRecentLookups: what storage gives back is rebuilt, never trusted', () => {
  it('keeps valid entries as they were, old ones without a label included', () => {
    const list: RecentLookup[] = [
      { servicePrincipalId: SP, jobId: 'scim.0a1b', label: 'Contoso HR' },
      { servicePrincipalId: '15bc1329-8dc5-414b-a598-c00a9451d80b', templateIds: ['AD2AADProvisioning'] },
      { servicePrincipalId: 'a4eabe36-f3cf-4744-b780-21f204f42ff2' },
    ];
    expect(sanitizeRecentLookups(list)).toEqual(list);
  });

  it.each([undefined, null, 'oops', 42, { length: 2 }, {}])('reads %j as no entries', (value) => {
    expect(sanitizeRecentLookups(value)).toEqual([]);
  });

  it('drops entries whose ids cannot be looked up again, and fields of the wrong type', () => {
    const value = [
      null, 'x', [SP], { servicePrincipalId: 'not-a-guid' }, { servicePrincipalId: SP, jobId: '../../me' }, { servicePrincipalId: SP, jobId: 7 },
      { servicePrincipalId: SP.toUpperCase(), label: { toString: 'x' }, templateIds: ['scim', '<svg>', 3, 'scim'], extra: 'dropped', __proto__: { polluted: true } },
    ];
    expect(sanitizeRecentLookups(value)).toEqual([{ servicePrincipalId: SP, templateIds: ['scim'] }]);
  });

  it('cuts labels, template lists and the list itself', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ servicePrincipalId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, label: 'L'.repeat(5000), templateIds: ['a', 'b', 'c', 'd', 'e'] }));
    const list = sanitizeRecentLookups(many);
    expect(list).toHaveLength(MAX_RECENT_LOOKUPS);
    expect(list[0]!.label).toHaveLength(LABEL_MAX);
    expect(list[0]!.templateIds).toEqual(['a', 'b', 'c']);
  });

  it('keeps the first of duplicate entries', () => {
    expect(sanitizeRecentLookups([{ servicePrincipalId: SP, label: 'new' }, { servicePrincipalId: SP, label: 'old' }])).toEqual([{ servicePrincipalId: SP, label: 'new' }]);
  });
});

describe('readRecentLookups', () => {
  afterEach(() => fakeBrowser.storage.local.clear());

  it('reads nothing stored as no entries, and a hostile stored value safely', async () => {
    expect(await readRecentLookups()).toEqual([]);
    await fakeBrowser.storage.local.set({ recentLookups: { servicePrincipalId: SP } });
    expect(await readRecentLookups()).toEqual([]);
    await fakeBrowser.storage.local.set({ recentLookups: [{ servicePrincipalId: SP, label: 'Contoso HR' }, { servicePrincipalId: 5 }] });
    expect(await readRecentLookups()).toEqual([{ servicePrincipalId: SP, label: 'Contoso HR' }]);
  });

  it('remembers the newest first, once', () => {
    const list = rememberLookup([{ servicePrincipalId: SP, label: 'old' }], { servicePrincipalId: SP, templateIds: ['scim'] });
    expect(list).toEqual([{ servicePrincipalId: SP, templateIds: ['scim'] }]);
  });
});
