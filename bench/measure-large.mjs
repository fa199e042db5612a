// Large data: a service principal with 50 jobs, and a job whose error message is 1 MB (a SCIM server
// can echo a whole payload into it). Navigation → rendered, and Copy JSON → the visible "Copied".
import { summarize } from './stats.mjs';
import { cloneApp, graphJobsUrl, provisioningHash, shownJobId } from './tenant-clones.mjs';
import { repeat, viewJob } from './session.mjs';

const MB = 1 << 20;

export function fiftyJobs(template) {
  return Array.from({ length: 50 }, () => structuredClone(template.jobs[0]));
}

function megabyteMessage(template) {
  const job = structuredClone(template.jobs[0]);
  const line = 'SCIM endpoint answered 400 BadRequest: {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"…"} ';
  job.status.quarantine.error.message = line.repeat(Math.ceil(MB / line.length)).slice(0, MB);
  return [job];
}

/** Time to the job shown for a fresh app with `jobs`; optionally a click on Copy JSON → "Copied". */
async function largeView(env, jobs, { copy }) {
  const app = cloneApp(env.cloud, env.template, { jobs });
  const { page, sinceDcl } = await viewJob(env, `https://portal.azure.com/${provisioningHash(app)}`, shownJobId(app));
  // The floor: a bare fetch of the same Graph URL from the same page (no token, so a 401).
  const bare = await page.evaluate((url) => window.__lensBench.bareFetch(url), graphJobsUrl(app));
  let copyMs;
  let copyText;
  if (copy) {
    await page.bringToFront(); // the clipboard needs a focused document
    const from = await page.evaluate(() => window.__lensBench.marks.length);
    // A real (trusted) click, as the admin's: the probe stamps it on window in the capture phase.
    await page.locator('provisioning-lens').getByRole('button', { name: 'Copy JSON' }).click();
    const m = await page.evaluate(async (f) => {
      const click = await window.__lensBench.waitFor({ kind: 'click', from: f });
      const copied = await window.__lensBench.waitFor({ kind: 'copied', from: f });
      return { ms: copied.t - click.t, text: copied.text };
    }, from);
    copyMs = m.ms;
    copyText = m.text;
  }
  await page.close();
  return { shown: sinceDcl, bare: bare.ms, copyMs, copyText };
}

export async function measureLarge(env, { runs, warmup }) {
  const fifty = await repeat(runs, warmup, () => largeView(env, fiftyJobs(env.template), { copy: false }));
  const big = await repeat(runs, warmup, () => largeView(env, megabyteMessage(env.template), { copy: true }));
  return {
    fiftyJobs: { shown: summarize(fifty.map((r) => r.shown)), bare: summarize(fifty.map((r) => r.bare)) },
    megabyteMessage: {
      shown: summarize(big.map((r) => r.shown)),
      bare: summarize(big.map((r) => r.bare)),
      copy: summarize(big.map((r) => r.copyMs)),
      copyOutcome: [...new Set(big.map((r) => r.copyText))],
    },
  };
}
