import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { digestFailures, MAX_EXAMPLES, TEXT_MAX } from '@/lib/logs/digest';
import { manyRecords } from '../../fake-cloud/provisioning-logs.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const fixture = (file: string): unknown[] => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')).value;
const NOW = Date.parse('2026-12-02T06:00:00Z');

describe('digestFailures', () => {
  it("reads Microsoft's docs example: one group, the export step, the target app refused", () => {
    const digest = digestFailures(fixture('graph-docs/provisioning-log.failure.docs-example.json'));
    expect(digest).toMatchObject({ failures: 1, skipped: 0, records: 1 });
    expect(digest.groups).toEqual([
      {
        code: 'ContosoEntryConflict',
        objects: 1,
        events: 1,
        firstSeen: '2019-06-24T20:53:08.000Z',
        lastSeen: '2019-06-24T20:53:08.000Z',
        step: { name: 'EntryExportAdd', type: 'export' },
        category: 'nonServiceFailure',
        recommendedAction: null,
        reason: expect.stringContaining('HTTP status code 409'),
        examples: [{ displayName: 'Self-service Pilot', action: 'create', time: '2019-06-24T20:53:08.000Z', changeId: 'eaad2f8b-e6e3-409b-83bd-e4e2e57177d5' }],
      },
    ]);
  });

  it('groups mixed codes, sorted by objects then events, with first/last seen and the common failing step', () => {
    const { groups } = digestFailures(fixture('logs/mixed-codes.json'));
    expect(groups.map((g) => [g.code, g.objects, g.events])).toEqual([
      ['CodeA', 4, 5],
      ['CodeC', 2, 4],
      ['CodeB', 1, 1],
    ]);
    const [a, c, b] = groups;
    expect(a!.category).toBe('mixed');
    expect(a!.firstSeen).toBe('2026-11-19T09:00:00.000Z');
    expect(c!.step).toEqual({ name: 'EntrySynchronizationAdd', type: 'matching' });
    expect(b!.step?.type).toBe('import');
    expect(b!.category).toBe('failure');
    expect(b!.recommendedAction).toBe('Fix the mapping.');
    // Three examples at most, distinct objects, newest first.
    expect(a!.examples).toHaveLength(MAX_EXAMPLES);
    const times = a!.examples.map((e) => e.time!);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(c!.examples.map((e) => e.displayName))).toEqual(new Set(['User u6', 'User u7']));
  });

  it('never counts skipped records as failures', () => {
    const digest = digestFailures(fixture('logs/skipped.json'));
    expect(digest).toMatchObject({ failures: 1, skipped: 5, records: 7 });
    expect(digest.groups).toHaveLength(1);
    expect(digest.groups[0]!.examples[0]!.changeId).toBe('real-failure');
    expect(JSON.stringify(digest)).not.toContain('ShouldNeverShow');
  });

  it('keeps hostile strings as inert, capped text', () => {
    const digest = digestFailures(fixture('logs/hostile-strings.json'));
    expect(digest.failures).toBe(3);
    const codes = digest.groups.map((g) => g.code);
    expect(codes).toEqual(expect.arrayContaining(['<script>alert(1)</script>', '__proto__', 'constructor']));
    const script = digest.groups.find((g) => g.code.startsWith('<script'))!;
    expect(script.reason!.length).toBeLessThanOrEqual(TEXT_MAX);
    expect(script.examples[0]!.displayName.length).toBeLessThanOrEqual(256);
    expect(script.examples[0]!.changeId).toBe('<img src=x onerror=alert(1)>');
    // A reason that is not a string is no reason; a date that is not a date is no time.
    expect(digest.groups.find((g) => g.code === '__proto__')!.reason).toBeNull();
    expect(digest.groups.find((g) => g.code === 'constructor')!.lastSeen).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives missing fields and records that are not objects', () => {
    const digest = digestFailures(fixture('logs/missing-fields.json'));
    expect(digest.records).toBe(9);
    expect(digest.failures).toBe(3);
    expect(digest.groups.map((g) => g.code).sort()).toEqual(['', 'X']);
    const x = digest.groups.find((g) => g.code === 'X')!;
    expect(x.step).toEqual({ name: '', type: '' });
    expect(x.category).toBe('unknown');
    for (const input of [undefined, null, 42, 'x', {}, { value: [] }]) expect(digestFailures(input).groups).toEqual([]);
  });

  it('passes unknown enum values through verbatim and counts only failures', () => {
    const digest = digestFailures(fixture('logs/unknown-enums.json'));
    // "teleport" and "FAILURE" count; warning and an unknown status do not.
    expect(digest.failures).toBe(2);
    const group = digest.groups[0]!;
    expect(group.examples.map((e) => e.action)).toContain('teleport');
    // Neither category is one we know: said to be unknown, never guessed.
    expect(group.category).toBe('unknown');
    expect(group.step).toEqual({ name: 'EntryFutureStep', type: 'quantumEntangle' });
  });

  it('drops records older than `since` (a simpler filter form lets them through)', () => {
    const records = manyRecords({ jobId: 'scim.x', now: NOW, count: 40, days: 10 });
    const since = NOW - 7 * 86_400_000;
    const all = digestFailures(records);
    const recent = digestFailures(records, { since });
    expect(recent.failures).toBeLessThan(all.failures);
    for (const group of recent.groups) expect(Date.parse(group.firstSeen!)).toBeGreaterThan(since);
  });

  it('digests 1,000 records: five codes, each object counted once', () => {
    const digest = digestFailures(manyRecords({ jobId: 'scim.x', now: NOW, count: 1000 }));
    expect(digest.records).toBe(1000);
    expect(digest.skipped).toBe(250);
    expect(digest.failures).toBe(750);
    expect(digest.groups).toHaveLength(5);
    expect(digest.groups.reduce((n, g) => n + g.events, 0)).toBe(750);
    for (const group of digest.groups) {
      expect(group.objects).toBeLessThanOrEqual(400);
      expect(group.examples.length).toBeLessThanOrEqual(3);
    }
    const counts = digest.groups.map((g) => g.objects);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('digests 10,000 records (time printed, not asserted)', () => {
    const records = manyRecords({ jobId: 'scim.x', now: NOW, count: 10_000 });
    digestFailures(records); // warm-up
    const started = performance.now();
    const digest = digestFailures(records);
    const ms = performance.now() - started;
    console.log(`[bench] digest of 10,000 records: ${ms.toFixed(1)} ms`);
    expect(digest.failures).toBe(7500);
  });
});
