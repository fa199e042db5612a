import { describe, expect, it } from 'vitest';
import { appName, templateInfo } from '@/lib/job/templates';

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
    expect(templateInfo(id)).toMatchObject({ name, family, known: true });
  });

  it.each([
    ['AD2AADProvisioning', true],
    ['AAD2ADGroupProvisioning', true],
    ['AD2AADSomethingNew', true], // a Cloud Sync template this version has not met
    ['API2AD', true],
    ['API2AAD', false],
    ['scim', false],
    ['Azure2Azure', false],
    ['', false],
  ])('%s connects through the provisioning agent: %s', (id, viaAgent) => {
    expect(templateInfo(id).viaAgent).toBe(viaAgent);
  });

  it.each([
    ['a template this version does not know keeps its spelling', 'WorkdayOutDelta', { name: 'WorkdayOutDelta', family: 'gallery', viaAgent: false, known: false }],
    ['an unknown Cloud Sync template is still Cloud Sync', 'AD2AADNext', { name: 'AD2AADNext', family: 'cloudSync', viaAgent: true, known: false }],
    ['empty', '', { name: '', family: 'unknown', viaAgent: false, known: false }],
    ['not a string', 42, { name: '', family: 'unknown', viaAgent: false, known: false }],
    ['a prototype key is no template', 'constructor', { name: 'constructor', family: 'gallery', viaAgent: false, known: false }],
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
