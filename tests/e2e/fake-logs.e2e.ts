/**
 * The fake cloud's provisioning logs (tests/fake-cloud/audit-logs.mjs), over HTTPS from Node, no
 * browser: the scope check, the documented filters, ordering, $top and nextLink paging, a refused
 * clause, and the demo tenant's records (failures for quarantined apps, none for Salesforce).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appByKey, startFakeCloud, type FakeCloud } from './harness';

let cloud: FakeCloud;
beforeAll(async () => void (cloud = await startFakeCloud()));
afterAll(() => cloud?.stop());

const LOGS = 'AuditLog.Read.All Directory.Read.All';
const get = (query: string, scope = LOGS) =>
  cloud.fetch(`https://graph.microsoft.com/v1.0/auditLogs/provisioning?${query}`, { headers: { authorization: `Bearer ${cloud.idp.issueTokens({ scope }).access_token}` } });
const q = (filter: string, extra = '') => `$filter=${encodeURIComponent(filter)}${extra}`;

describe('fake GET /auditLogs/provisioning', () => {
  it('needs both logs permissions (403 Authentication_MSGraphPermissionMissing, Graph error shape)', async () => {
    for (const scope of ['Synchronization.Read.All', 'AuditLog.Read.All', 'https://graph.microsoft.com/Directory.Read.All']) {
      const res = await get('', scope);
      expect(res.status, scope).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'Authentication_MSGraphPermissionMissing', innerError: { 'request-id': expect.any(String) } });
    }
    expect((await get('')).status).toBe(200);
  });

  it('honours jobId eq, status eq and activityDateTime gt, newest first, and pages with nextLink', async () => {
    const job = appByKey(cloud.tenant, 'fabrikam-learning').jobs[0].id;
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const filter = `jobId eq '${job}' and provisioningStatusInfo/status eq 'failure' and activityDateTime gt ${since}`;
    const first = (await get(q(filter, '&$orderby=activityDateTime%20desc&$top=10'))).json();
    expect(first.value).toHaveLength(10);
    expect(first.value.every((r: any) => r.jobId === job && r.provisioningStatusInfo.status === 'failure')).toBe(true);
    const times = first.value.map((r: any) => Date.parse(r.activityDateTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const next = new URL(first['@odata.nextLink']);
    expect(next.origin + next.pathname).toBe('https://graph.microsoft.com/v1.0/auditLogs/provisioning');
    const second = (await cloud.fetch(next.toString(), { headers: { authorization: `Bearer ${cloud.idp.issueTokens({ scope: LOGS }).access_token}` } })).json();
    // 15 failures in the window (the 10-day-old one is not): 10 + 5, and no further page.
    expect(second.value).toHaveLength(5);
    expect(second['@odata.nextLink']).toBeUndefined();
  });

  it('refuses a clause it does not know with 400, as Graph does', async () => {
    const res = await get(q("displayName eq 'x'"));
    expect(res.status).toBe(400);
    expect(res.json().error.code).toBe('BadRequest');
  });

  it('has failures for the quarantined demo apps, skipped records too, and none for Salesforce (wrong credentials)', async () => {
    const failuresOf = async (key: string) =>
      (await get(q(`jobId eq '${appByKey(cloud.tenant, key).jobs[0].id}' and provisioningStatusInfo/status eq 'failure'`))).json().value.length;
    expect(await failuresOf('salesforce-sandbox')).toBe(0);
    expect(await failuresOf('servicenow')).toBeGreaterThan(0);
    expect(await failuresOf('northwind-scim')).toBeGreaterThan(0);
    const skipped = (await get(q("provisioningStatusInfo/status eq 'skipped'"))).json().value;
    expect(skipped.length).toBeGreaterThan(0);
  });
});
