/**
 * Lighthouse (mobile) on the built web app: performance and accessibility of the home page, the
 * proposals list and a proposal page, against the budgets of issue 9 (performance ≥ 90,
 * accessibility 100), and the initial JavaScript against its 200 kB gzipped budget.
 *
 *   npm run build && npm run bench:web
 *   RUNS=5 npm run bench:web                      (runs per page; the median is checked)
 *   BENCH_WEB_URL=http://localhost:3000 npm run bench:web   (an app already running, with data)
 *   BENCH_WEB_PAGES="proposal page" WEB_DIST_DIR=tmp/x/web BENCH_WEB_REPORT_DIR=tmp/x/reports …
 *                                                  (some pages, another build, reports elsewhere)
 *
 * Without BENCH_WEB_URL it starts `node tools/start.mjs --ephemeral` (a throw-away database with
 * the French demo data) on a free port, like the browser tests. Lighthouse's default mobile
 * settings: Moto G Power emulation, simulated slow 4G and 4× CPU slowdown, with Debian's
 * Chromium (CHROME_PATH to change it). Performance scores move with the machine's load: each
 * run is printed, the budget is checked on the median. Exits 1 when a budget is missed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../../..');
const RUNS = Math.max(1, Number(process.env['RUNS'] ?? 3));
const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const REPORT_DIR = path.resolve(ROOT, process.env['BENCH_WEB_REPORT_DIR'] ?? 'tmp/bench-web');
const PERFORMANCE_BUDGET = 90;
const ACCESSIBILITY_BUDGET = 100;
const READY_TIMEOUT_MS = 180_000;
const MAX_RETRIES = 2;

interface Page {
  name: string;
  path: string;
}

interface Run {
  performance: number;
  accessibility: number;
  /** Milliseconds, except CLS. */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  /** Bytes of JavaScript transferred for the page (compressed). */
  scriptBytes: number;
  /**
   * Lighthouse's benchmark index of the machine during the run: TBT is the host's tasks times the
   * 4× slowdown, so a slower host scores lower for the same page.
   */
  benchmarkIndex: number;
  failedAccessibilityAudits: string[];
}

/** The subset of Lighthouse's result this script reads. */
interface LighthouseResult {
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      id: string;
      title: string;
      score: number | null;
      scoreDisplayMode: string;
      numericValue?: number;
      details?: { items?: { resourceType?: string; transferSize?: number }[] };
    }
  >;
  categoryGroups?: unknown;
  runWarnings: string[];
  /** Lighthouse's measure of this machine's CPU speed (higher is faster; ~1000+ for a desktop). */
  environment?: { benchmarkIndex?: number };
  /** Set when Lighthouse could not measure the page (e.g. NO_NAVSTART: a trace it failed to record). */
  runtimeError?: { code: string; message: string };
}
type Lighthouse = (
  url: string,
  flags: Record<string, unknown>,
) => Promise<{ lhr: LighthouseResult; report: string | string[] } | undefined>;
interface LaunchedChrome {
  port: number;
  kill(): Promise<void> | void;
}
type LaunchChrome = (options: {
  chromePath: string;
  chromeFlags: string[];
  logLevel?: string;
}) => Promise<LaunchedChrome>;

// Lighthouse 12 is ESM only: imported at run time (tsx keeps the dynamic import).
const importEsm = (specifier: string) =>
  import(specifier) as Promise<Record<string, unknown> & { default: unknown }>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(baseUrl: string, app: ChildProcess | null) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app && app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${baseUrl} was not ready after ${READY_TIMEOUT_MS / 1000} s`);
}

async function startApp(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  console.log(`Starting the built app with demo data on ${baseUrl} …`);
  const app = spawn(
    process.execPath,
    [path.join(ROOT, 'tools/start.mjs'), '--ephemeral', '--port', String(port)],
    {
      cwd: ROOT,
      // Lighthouse reloads each page several times from one address.
      env: { ...process.env, RATE_LIMIT_FACTOR: '1000', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (app.exitCode !== null) return resolve();
      app.once('exit', () => resolve());
      app.kill('SIGTERM');
    });
  try {
    await waitUntilReady(baseUrl, app);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

/** A published proposal of the demo data: the most commented one, so the page has content. */
async function pickProposal(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: '{ proposals(first: 1, orderBy: MOST_COMMENTED) { edges { node { id } } } }',
    }),
  });
  const body = (await res.json()) as {
    data?: { proposals: { edges: { node: { id: string } }[] } };
  };
  const id = body.data?.proposals.edges[0]?.node.id;
  if (!id) throw new Error(`no published proposal at ${baseUrl}: ${JSON.stringify(body)}`);
  return id;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function toRun(lhr: LighthouseResult): Run {
  const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const value = (audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;
  const scripts = lhr.audits['network-requests']?.details?.items ?? [];
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    speedIndex: value('speed-index'),
    scriptBytes: scripts
      .filter((item) => item.resourceType === 'Script')
      .reduce((total, item) => total + (item.transferSize ?? 0), 0),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? Number.NaN),
    failedAccessibilityAudits: Object.values(lhr.audits)
      .filter(
        (audit) =>
          audit.scoreDisplayMode === 'binary' &&
          audit.score === 0 &&
          ACCESSIBILITY_AUDITS.has(audit.id),
      )
      .map((audit) => `${audit.id}: ${audit.title}`),
  };
}

/** Filled from the accessibility category of the first result. */
const ACCESSIBILITY_AUDITS = new Set<string>();

const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

interface InitialJavaScript {
  total: { gzip: number };
  budget: number;
}

async function main() {
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([
    importEsm('lighthouse'),
    importEsm('chrome-launcher'),
  ]);
  const { measureInitialJavaScript } = (await importEsm(
    pathToFileURL(path.join(ROOT, 'tools/check-bundle.mjs')).href,
  )) as unknown as { measureInitialJavaScript: (distDir?: string) => InitialJavaScript };

  // The app started here serves WEB_DIST_DIR when set (a copy of dist/web), else dist/web.
  const webDir = process.env['WEB_DIST_DIR']
    ? path.resolve(process.env['WEB_DIST_DIR'])
    : undefined;
  const initial = process.env['BENCH_WEB_URL'] ? null : measureInitialJavaScript(webDir);
  const app = process.env['BENCH_WEB_URL']
    ? { baseUrl: process.env['BENCH_WEB_URL'].replace(/\/$/, ''), stop: async () => undefined }
    : await startApp();
  let chrome: LaunchedChrome | undefined;
  const failures: string[] = [];
  try {
    await waitUntilReady(app.baseUrl, null);
    const proposalId = await pickProposal(app.baseUrl);
    const only = process.env['BENCH_WEB_PAGES']?.split(',').map((name) => name.trim());
    const pages: Page[] = [
      { name: 'home', path: '/' },
      { name: 'proposals list', path: '/propositions' },
      { name: 'proposal page', path: `/propositions/${proposalId}` },
    ].filter((page) => !only || only.includes(page.name));
    chrome = await (chromeLauncher['launch'] as LaunchChrome)({
      chromePath: CHROME_PATH,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      logLevel: 'silent',
    });
    const chromePort = chrome.port;
    mkdirSync(REPORT_DIR, { recursive: true });
    console.log(
      `Lighthouse ${RUNS} run(s) per page, mobile emulation, ${new Date().toISOString()}\n`,
    );
    const summary: { page: Page; runs: Run[] }[] = [];
    for (const page of pages) {
      const runs: Run[] = [];
      // One warm-up request, not measured: the first answers after start-up are the slowest.
      await fetch(app.baseUrl + page.path);
      for (let i = 0; i < RUNS; i += 1) {
        const measure = async () => {
          const measured = await (lighthouse as Lighthouse)(app.baseUrl + page.path, {
            port: chromePort,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
          });
          if (!measured) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          return measured;
        };
        // A run Lighthouse itself could not record (no score, not the page's fault) is run again,
        // at most twice, rather than counted as a performance of 0.
        let result = await measure();
        for (let retry = 0; result.lhr.runtimeError && retry < MAX_RETRIES; retry += 1) {
          console.log(`    Lighthouse error, run again: ${result.lhr.runtimeError.code}`);
          result = await measure();
        }
        const { lhr } = result;
        if (ACCESSIBILITY_AUDITS.size === 0) {
          const category = lhr.categories['accessibility'] as { auditRefs?: { id: string }[] };
          for (const ref of category.auditRefs ?? []) ACCESSIBILITY_AUDITS.add(ref.id);
        }
        const run = toRun(lhr);
        runs.push(run);
        const file = path.join(REPORT_DIR, `${page.name.replace(/ /g, '-')}-${i + 1}.json`);
        writeFileSync(file, typeof result.report === 'string' ? result.report : '');
        console.log(
          `${page.name.padEnd(15)} run ${i + 1}: performance ${String(run.performance).padStart(3)}  accessibility ${String(run.accessibility).padStart(3)}  FCP${ms(run.fcp)}  LCP${ms(run.lcp)}  TBT${ms(run.tbt)}  CLS ${run.cls.toFixed(3)}  SI${ms(run.speedIndex)}  JS ${kB(run.scriptBytes)}  machine ${run.benchmarkIndex}`,
        );
        for (const warning of lhr.runWarnings) console.log(`    warning: ${warning}`);
      }
      summary.push({ page, runs });
    }

    console.log(
      `\nMedians (budgets: performance ≥ ${PERFORMANCE_BUDGET}, accessibility ${ACCESSIBILITY_BUDGET}):`,
    );
    for (const { page, runs } of summary) {
      const performance = median(runs.map((r) => r.performance));
      const accessibility = Math.min(...runs.map((r) => r.accessibility));
      const ok = performance >= PERFORMANCE_BUDGET && accessibility >= ACCESSIBILITY_BUDGET;
      console.log(
        `${ok ? '✓' : '✗'} ${page.name.padEnd(15)} performance ${String(performance).padStart(3)} (runs ${runs.map((r) => r.performance).join(', ')})  accessibility ${accessibility}  FCP${ms(median(runs.map((r) => r.fcp)))}  LCP${ms(median(runs.map((r) => r.lcp)))}  TBT${ms(median(runs.map((r) => r.tbt)))}  CLS ${median(runs.map((r) => r.cls)).toFixed(3)}  ${page.path}`,
      );
      const failed = [...new Set(runs.flatMap((r) => r.failedAccessibilityAudits))];
      for (const audit of failed) console.log(`    accessibility: ${audit}`);
      if (performance < PERFORMANCE_BUDGET) failures.push(`${page.name} performance`);
      if (accessibility < ACCESSIBILITY_BUDGET) failures.push(`${page.name} accessibility`);
    }
    if (initial) {
      const ok = initial.total.gzip <= initial.budget;
      console.log(
        `${ok ? '✓' : '✗'} initial JavaScript ${kB(initial.total.gzip)} gzipped (budget ${kB(initial.budget)}; details: npx tsx tests/benchmarks/web/bundle-size.ts)`,
      );
      if (!ok) failures.push('initial JavaScript');
    }
    console.log(`\nReports: ${path.relative(ROOT, REPORT_DIR)}/*.json`);
  } finally {
    await chrome?.kill();
    await app.stop();
  }
  if (failures.length > 0) {
    console.log(`Budgets missed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
