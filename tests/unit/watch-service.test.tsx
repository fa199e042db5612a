import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WatchSettings } from '@/components/watch/WatchSettings';
import { DEFAULT_WATCH_PREFS, type WatchPrefs } from '@/lib/settings';
import { createWatchService, toolbarSummary, WATCH_ALARM, type WatchServiceDeps } from '@/lib/watch/service';
import type { WatchedJob } from '@/lib/watch/watched';

const SP = '35aa7736-b3e5-439c-9e24-d3cb861fed45';
const APP = 'd77df34a-318f-48d5-8639-d5b0d94ba87e';
const job: WatchedJob = { cloud: 'global', servicePrincipalId: SP, jobId: 'scim.1', label: 'Contoso HR' };

function service(prefs: Partial<WatchPrefs> = {}, start: WatchedJob[] = []) {
  let list = start;
  const alarms = new Map<string, { periodInMinutes?: number }>();
  const deps: WatchServiceDeps = {
    readList: async () => list,
    writeList: async (next) => void (list = next),
    readPrefs: async () => ({ ...DEFAULT_WATCH_PREFS, ...prefs }),
    readSessionEnded: async () => false,
    writeSessionEnded: async () => {},
    lookupJobs: vi.fn(async () => ({ kind: 'jobs' as const, servicePrincipalId: SP, jobs: [], fetchedAt: '' })),
    alarms: {
      get: async (name) => alarms.get(name),
      create: (name, info) => void alarms.set(name, { periodInMinutes: info.periodInMinutes }),
      clear: async (name) => alarms.delete(name),
    },
    setToolbar: vi.fn(async () => {}),
    canNotify: async () => true,
    showNotification: vi.fn(async () => {}),
    openTab: vi.fn(async () => {}),
    now: () => Date.parse('2026-12-02T11:00:00Z'),
  };
  return { svc: createWatchService(deps), deps, alarms, list: () => list };
}

describe('the watch service', () => {
  it('keeps an alarm at the chosen interval while something is watched, and none otherwise', async () => {
    const { svc, alarms } = service({ intervalMinutes: 30 });
    await svc.setWatch(job, true);
    expect(alarms.get(WATCH_ALARM)).toEqual({ periodInMinutes: 30 });
    await svc.setWatch(job, false);
    expect(alarms.has(WATCH_ALARM)).toBe(false);
  });

  it('refuses what is not a job entry (a message cannot smuggle anything into storage)', async () => {
    const { svc, list } = service();
    await svc.setWatch({ ...job, jobId: '../x' }, true);
    await svc.setWatch({ ...job, servicePrincipalId: 'nope' }, true);
    await svc.setWatch('junk', true);
    expect(list()).toEqual([]);
    await svc.setWatch({ ...job, last: { health: 'healthy', consecutiveFailures: 0, checkedAt: '2026-01-01T00:00:00Z' } }, true);
    expect(list()).toEqual([job]); // a sender cannot set the last state either
  });

  it('runs the check on its own alarm only, and puts the periodic alarm back after a one-off', async () => {
    const { svc, deps, alarms } = service({}, [job]);
    expect(await svc.onAlarm('something-else')).toBeUndefined();
    expect(deps.lookupJobs).not.toHaveBeenCalled();
    alarms.set(WATCH_ALARM, {});
    await svc.onAlarm(WATCH_ALARM);
    expect(deps.lookupJobs).toHaveBeenCalledTimes(1);
    expect(alarms.get(WATCH_ALARM)).toEqual({ periodInMinutes: 15 });
  });

  it("opens the app's Provisioning page in its cloud from a notification, else the provisioning logs", async () => {
    const { svc, deps } = service({}, [{ ...job, appId: APP }, { ...job, jobId: 'scim.2', cloud: 'usgov' }]);
    await svc.onNotificationClicked(`watch|global|${SP}|scim.1|1`);
    await svc.onNotificationClicked(`watch|usgov|${SP}|scim.2|1`);
    await svc.onNotificationClicked('another-extension|x');
    expect(vi.mocked(deps.openTab).mock.calls).toEqual([
      [`https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/ProvisioningManagement/appId/${APP}/objectId/${SP}`],
      ['https://portal.azure.us/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/ProvisioningEvents'],
    ]);
  });

  it.each([
    [{ attention: 0, sessionEnded: false }, false, { text: '', title: 'Provisioning Lens' }],
    [{ attention: 1, sessionEnded: false }, false, { text: '1', title: 'Provisioning Lens — 1 watched job needs attention' }],
    [{ attention: 3, sessionEnded: false }, false, { text: '3', title: 'Provisioning Lens — 3 watched jobs need attention' }],
    [{ attention: 3, sessionEnded: false }, true, { text: '', title: 'Provisioning Lens' }],
    [{ attention: 150, sessionEnded: false }, false, { text: '99', title: 'Provisioning Lens — 150 watched jobs need attention' }],
    [{ attention: 2, sessionEnded: true }, true, { text: '?', title: 'Provisioning Lens — sign in again to keep checking watched jobs' }],
  ])('toolbar for %j (notifications %s)', (summary, notify, expected) => {
    expect(toolbarSummary(summary, notify)).toEqual(expected);
  });
});

describe('WatchSettings', () => {
  afterEach(cleanup);

  it('turns notifications on only when the browser grants the permission, and says why not', async () => {
    const onSave = vi.fn(async () => {});
    const requestNotifications = vi.fn(async () => false);
    render(<WatchSettings initial={DEFAULT_WATCH_PREFS} onSave={onSave} requestNotifications={requestNotifications} />);
    const box = screen.getByRole('checkbox') as HTMLInputElement;
    await act(async () => void fireEvent.change(box, { target: { checked: true } }));
    expect(requestNotifications).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('did not allow notifications'));
    expect(onSave).not.toHaveBeenCalled();

    requestNotifications.mockResolvedValue(true);
    await act(async () => void fireEvent.change(box, { target: { checked: true } }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith({ intervalMinutes: 15, notify: true }));
  });

  it('keeps the interval at 5 minutes or more', async () => {
    const onSave = vi.fn(async () => {});
    render(<WatchSettings initial={DEFAULT_WATCH_PREFS} onSave={onSave} requestNotifications={async () => true} />);
    await act(async () => void fireEvent.change(screen.getByLabelText('Check every (minutes)'), { target: { value: '1' } }));
    expect(onSave).toHaveBeenLastCalledWith({ intervalMinutes: 5, notify: false });
  });
});
