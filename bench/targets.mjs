// Issue 12's targets: each measure against its floor *in the same run* (so a slow or loaded machine
// moves both), as PASS/FAIL. Medians. The floors:
// - overlay and large data: a bare fetch of the same Graph URL from the same portal page (no token);
// - popup: the bench's bare extension page of the same package, opened like the popup, to its one
//   script's DOM insert (bench/bare-page.mjs); cold adds the bare round trip from that page.
// Long tasks: every first overlay view of the "Graph at once" runs, none may reach 50 ms.

export function computeTargets(r) {
  const o = r.overlay.find((x) => x.delayMs === 0);
  const p = r.popup;
  const l = r.large;
  const row = (measure, value, floorLabel, floor, slack) => {
    const limit = floor + slack;
    return { measure, median: value, floorLabel, floor, slack, limit: Math.round(limit * 10) / 10, pass: value <= limit };
  };
  const lt = o.longTasks;
  return [
    row('overlay, Graph at once: DCL → job shown', o.overlay.median, 'bare fetch', o.bare.median, 50),
    row('popup, job cached: nav start → job shown', p.fromCache.median, 'bare page', p.bare.median, 50),
    row('popup, cold (one Graph request)', p.cold.median, 'bare page + bare round trip', round(p.bare.median + p.bareRoundTrip.median), 50),
    row('popup reopen (cached)', p.reopen.median, 'bare page', p.bare.median, 50),
    row('50 jobs: DCL → shown', l.fiftyJobs.shown.median, 'bare fetch', l.fiftyJobs.bare.median, 80),
    row('1 MB error message: DCL → shown', l.megabyteMessage.shown.median, 'bare fetch', l.megabyteMessage.bare.median, 150),
    {
      measure: `long tasks in the portal tab, one overlay view (${lt.views} views)`,
      median: lt.all.length ? Math.max(...lt.all) : 0,
      floorLabel: 'none ≥ 50 ms',
      floor: NaN,
      slack: NaN,
      limit: 50,
      pass: lt.all.length === 0,
      note: lt.all.length ? `${lt.viewsWithOne} of ${lt.views} views had one: ${lt.all.join(', ')} ms` : 'none in any view',
    },
  ];
}

const round = (x) => Math.round(x * 10) / 10;
