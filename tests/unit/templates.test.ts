import { describe, expect, it } from 'vitest';
import { appName, templateInfo } from '@/lib/templates';

describe('templateInfo', () => {
  it.each([
    ['scim', 'Custom SCIM app', 'scim'],
    ['AD2AADProvisioning', 'Cloud Sync (Active Directory to Microsoft Entra ID)', 'cloudSync'],
    ['AD2AADPasswordHash', 'Cloud Sync password hash sync', 'cloudSync'],
    ['AAD2ADGroupProvisioning', 'Cloud Sync group provisioning to Active Directory', 'cloudSync'],
    ['Azure2Azure', 'Cross-tenant synchronization', 'crossTenant'],
    ['API2AAD', 'API-driven inbound provisioning to Microsoft Entra ID', 'apiInbound'],
    ['SfSandboxOutDelta', 'Salesforce Sandbox', 'gallery'],
    ['BoxOutDelta', 'Box', 'gallery'],
    ['serviceNow', 'ServiceNow', 'gallery'],
    ['Slack', 'Slack', 'gallery'],
  ])('%s → %s (%s)', (id, name, family) => {
    expect(templateInfo(id)).toEqual({ name, family, known: true });
  });

  it.each([
    ['a template this version does not know keeps its spelling', 'WorkdayOutDelta', { name: 'WorkdayOutDelta', family: 'gallery', known: false }],
    ['empty', '', { name: '', family: 'unknown', known: false }],
    ['not a string', 42, { name: '', family: 'unknown', known: false }],
    ['a prototype key is no template', 'constructor', { name: 'constructor', family: 'gallery', known: false }],
  ])('%s', (_, id, info) => {
    expect(templateInfo(id)).toEqual(info);
  });
});

describe('appName', () => {
  it.each([
    ['the display name wins', 'Northwind HR', ['scim'], { name: 'Northwind HR', fromTemplate: false }],
    ['else the first template', undefined, ['SfSandboxOutDelta'], { name: 'Salesforce Sandbox', fromTemplate: true }],
    ['a blank display name is none', '  ', ['AD2AADProvisioning', 'AD2AADPasswordHash'], { name: 'Cloud Sync (Active Directory to Microsoft Entra ID)', fromTemplate: true }],
    ['jobs without a template are skipped', undefined, ['', 'Slack'], { name: 'Slack', fromTemplate: true }],
    ['nothing to go on', undefined, [], null],
  ])('%s', (_, displayName, templates, expected) => {
    expect(appName(displayName, templates)).toEqual(expected);
  });
});
