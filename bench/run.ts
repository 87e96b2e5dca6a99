// npm run bench [-- --quick] [--profile] [--full] [--only=intake,e2e,payroll,rebuild,parse,gitea]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchE2e, type E2eResult } from './e2e/index.js';
import { benchGiteaCost, type CommandCost } from './gitea-cost/index.js';
import { benchIntake, type IntakeResults } from './intake/index.js';
import { type ProfileSummary, summarizeProfile } from './lib/profile.js';
import { int, markdownTable, ms, pct, type Row } from './lib/report.js';
import { round } from './lib/stats.js';
import { benchParse, type ParseResult } from './parse/index.js';
import { benchPayroll, type PayrollResults } from './payroll/index.js';
import { benchRebuild, type RebuildResult } from './rebuild/index.js';

const flags = new Set(process.argv.slice(2));
const quick = flags.has('--quick');
const profile = flags.has('--profile');
const only = [...flags]
  .find((f) => f.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (section: string) => !only || only.includes(section);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const profileDir = (name: string) => {
  const dir = here(`./profiles/${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

const settings = {
  intake: { seconds: quick ? 2 : 8, connections: 32 },
  e2e: { workers: [1, 2], issues: 100, events: quick ? 200 : 1000, ratePerSecond: 50 },
  payroll: { sizes: [100, 1_000, 10_000, 100_000], full: flags.has('--full'), maxProjectedMs: 60_000 },
};
const started = Date.now();
const loadBefore = loadavg();
const rows: Row[] = [];
const profiles: Record<string, ProfileSummary | undefined> = {};
const log = (line: string) => console.error(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${line}`);

let intake: IntakeResults | undefined;
if (wanted('intake')) {
  log(
    `intake: floor, ours, ours with its worker, ours on a fsyncing Redis, Probot, four steps on node:http — ${settings.intake.seconds} s each at ${settings.intake.connections} connections`,
  );
  const cpuProfDir = profile ? profileDir('intake') : undefined;
  intake = await benchIntake({ ...settings.intake, ...(cpuProfDir ? { cpuProfDir } : {}) });
  if (cpuProfDir) profiles.intake = summarizeProfile(cpuProfDir);
  rows.push(...intakeRows(intake));
}

const e2e: E2eResult[] = [];
if (wanted('e2e')) {
  for (const workers of settings.e2e.workers) {
    log(
      `e2e: ${settings.e2e.events} /status comments at ${settings.e2e.ratePerSecond}/s, ${workers} worker(s)`,
    );
    const cpuProfDir = profile && workers === 1 ? profileDir('worker') : undefined;
    e2e.push(await benchE2e({ ...settings.e2e, workers, ...(cpuProfDir ? { cpuProfDir } : {}) }));
    if (cpuProfDir) profiles.worker = summarizeProfile(cpuProfDir);
  }
  rows.push(...e2eRows(e2e));
}

let payroll: PayrollResults | undefined;
if (wanted('payroll')) {
  log(`payroll: ${settings.payroll.sizes.map(int).join(', ')} operators`);
  const cpuProfDir = profile ? profileDir('payroll') : undefined;
  payroll = await benchPayroll({ ...settings.payroll, ...(cpuProfDir ? { cpuProfDir } : {}) });
  if (cpuProfDir) profiles.payroll = summarizeProfile(cpuProfDir);
  rows.push(...payrollRows(payroll));
}

let rebuilt: RebuildResult | undefined;
if (wanted('rebuild')) {
  const issues = quick ? 300 : 1_000;
  log(`rebuild: ${int(issues)} issues with 2 commands each, Gitea emulated over loopback`);
  const cpuProfDir = profile ? profileDir('rebuild') : undefined;
  rebuilt = await benchRebuild({ issues, ...(cpuProfDir ? { cpuProfDir } : {}) });
  if (cpuProfDir) profiles.rebuild = summarizeProfile(cpuProfDir);
  rows.push({
    figure: 'rebuild: time per 1,000 issues',
    value: `${ms(Math.round(rebuilt.msPer1000))} (${int(rebuilt.issues)} issues, ${int(rebuilt.events)} events; reading ${ms(rebuilt.readingMs)}, replaying ${ms(rebuilt.replayingMs)}; bot CPU ${ms(rebuilt.botCpuMs)} (replaying ${ms(rebuilt.replayCpuMs)}), Gitea CPU ${ms(rebuilt.giteaCpuMs)})`,
    target: '< 5 s',
    met: rebuilt.msPer1000 < 5_000,
  });
}

let parsed: ParseResult[] | undefined;
if (wanted('parse')) {
  log('parse: the slowest of 26 adversarial 1 MB bodies, per reader (best of 5 runs)');
  parsed = benchParse();
  for (const result of parsed) {
    rows.push({
      figure: `parse: ${result.parser}, worst 1 MB adversarial body`,
      value: `${ms(Math.round(result.worstMs * 10) / 10)} (median ${ms(Math.round(result.worstMedianMs * 10) / 10)}; ${result.worstBody})`,
      target: '< 50 ms',
      met: result.worstMs < 50,
    });
  }
}

let giteaCost: CommandCost[] = [];
if (wanted('gitea')) {
  log('gitea: requests and bytes read per command on issues with 10, 100, 1,000 comments');
  giteaCost = await benchGiteaCost({ sizes: [10, 100, 1_000] });
  rows.push(...giteaCostRows(giteaCost));
}

const machine = {
  cpus: cpus().length,
  node: process.version,
  loadavgBefore: loadBefore,
  loadavgAfter: loadavg(),
};
const results = {
  generatedAt: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  machine,
  settings,
  intake: intake ?? null,
  e2e: e2e.length > 0 ? { p50Ms: e2e[0]?.p50Ms, p99Ms: e2e[0]?.p99Ms, runs: e2e } : null,
  payroll: payroll ?? null,
  rebuild: rebuilt ?? null,
  parse: parsed ?? null,
  giteaCost: giteaCost.length > 0 ? giteaCost : null,
  table: rows,
  ...(profile ? { profiles } : {}),
};
writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
const table = markdownTable(rows);
// The hand-written record of what each change did is kept below the generated table.
const HISTORY = '## Effect of each change';
const previous = existsSync(here('./RESULTS.md')) ? readFileSync(here('./RESULTS.md'), 'utf8') : '';
const history = previous.includes(HISTORY) ? previous.slice(previous.indexOf(HISTORY)) : '';
// RESULTS.md is the table of a full run: a quick or partial run (one section while working on it)
// leaves it as it is, and its figures are in results.json and on the screen.
const full = !quick && !only;
if (full)
  writeFileSync(
    here('./RESULTS.md'),
    [
      '# Bench results',
      '',
      `${results.generatedAt} · ${machine.cpus} CPUs · Node ${machine.node} · load average ${machine.loadavgBefore
        .map((n) => n.toFixed(2))
        .join(
          ' ',
        )} before, ${machine.loadavgAfter.map((n) => n.toFixed(2)).join(' ')} after · ${results.durationSeconds} s${quick ? ' · --quick' : ''}`,
      '',
      table,
      '',
      'Produced by `npm run bench` (see bench/README.md for what each figure means); raw numbers in bench/results.json.',
      'Absolute figures need a quiet machine (load average near 0); on a shared machine compare the ratios, measured in the same run.',
      '',
      ...(history ? [history.trimEnd(), ''] : []),
    ].join('\n'),
  );
console.log(table);
for (const [name, summary] of Object.entries(profiles)) {
  if (!summary) continue;
  console.log(`\nCPU profile, ${name} (${summary.file}): self time, % of busy samples`);
  for (const hot of summary.functions.slice(0, 8)) console.log(`  ${hot.selfPercent}%  ${hot.name}`);
  console.log(`  by module: ${summary.modules.map((m) => `${m.name} ${m.selfPercent}%`).join(' · ')}`);
}
log(
  full
    ? 'wrote bench/results.json and bench/RESULTS.md'
    : 'wrote bench/results.json (a partial run: bench/RESULTS.md left as it is)',
);

function intakeRows(r: IntakeResults): Row[] {
  const run = (x: { rps: number; p50Ms: number; p99Ms: number; cpuMicrosPerRequest: number }) =>
    `${int(x.rps)} req/s · p50 ${ms(x.p50Ms)} · p99 ${ms(x.p99Ms)} · ${int(x.cpuMicrosPerRequest)} µs CPU/req`;
  const mixOk =
    Math.abs(r.mix.share204 - r.mix.chatterShare) < 0.01 && r.mix.share202 + r.mix.share204 > 0.999;
  const others = Object.entries(r.mix.irrelevantOnly.otherRedisCommands);
  const isRead = ([name]: [string, number]) => /^(sismember|get|hget|exists|smembers)$/.test(name);
  // The intake's presence beat (src/store/intake-presence.ts), once a second whatever arrives, is
  // one EVAL of a script calling TIME, ZADD and ZREMRANGEBYSCORE (Redis counts the
  // script's calls too); an EVAL beyond the beats' count is another write and is shown.
  const beats = r.mix.irrelevantOnly.otherRedisCommands.zadd ?? 0;
  const beyondBeats = ([name, calls]: [string, number]): [string, number] =>
    name === 'eval' ? [name, calls - beats] : [name, calls];
  const isBeat = ([name, calls]: [string, number]) =>
    /^(zadd|zremrangebyscore|time)$/.test(name) || (name === 'eval' && calls <= 0);
  const writes = others.map(beyondBeats).filter((entry) => !isRead(entry) && !isBeat(entry));
  const reads = others.filter(isRead);
  const chatter = r.mix.irrelevantOnly.answered204;
  return [
    { figure: 'intake: floor (hono + signature check only)', value: run(r.floor), target: '—' },
    { figure: 'intake: ours (/webhooks/gitea, Redis)', value: run(r.ours), target: '—' },
    { figure: 'intake: ours as `serve` (with its worker)', value: run(r.serve), target: '—' },
    {
      figure: 'intake: ours on Redis with AOF, appendfsync always (as deployed: a 202 is on disk)',
      value: run(r.durable),
      target: '—',
    },
    { figure: 'intake: Probot (createNodeMiddleware)', value: run(r.probot), target: '—' },
    {
      figure: "intake: where a delivery's CPU goes (node:http, µs CPU/req)",
      value: [
        `read and answer ${int(r.stages.http.cpuMicrosPerRequest)}`,
        `+ signature ${int(r.stages.signature.cpuMicrosPerRequest)}`,
        `+ JSON.parse ${int(r.stages.parse.cpuMicrosPerRequest)} (Probot's work; Probot ${int(r.probot.cpuMicrosPerRequest)})`,
        `+ a Redis append answered after Redis ${int(r.stages.write.cpuMicrosPerRequest)}`,
        `+ filter, dedupe, order: ours ${int(r.ours.cpuMicrosPerRequest)}`,
      ].join(' → '),
      target: '—',
    },
    {
      figure:
        'intake: the least a durable intake does (node:http, signature, JSON.parse, one auto-pipelined XADD) / Probot req/s',
      value: `${round(r.stages.write.rps / r.probot.rps, 3)}× (${int(r.stages.write.rps)} req/s; ours is ${round(r.ours.rps / r.stages.write.rps, 3)}× of it)`,
      target: '—',
    },
    {
      figure:
        'intake: the least any durable intake can do (node:http, signature, no parse, a hand-written XADD per delivery, one socket write per turn) / Probot req/s',
      value: `${round(r.minimal.rps / r.probot.rps, 3)}× (${int(r.minimal.rps)} req/s · ${int(r.minimal.cpuMicrosPerRequest)} µs CPU/req)`,
      target: '—',
    },
    {
      figure: 'intake: ours / Probot req/s',
      value: `${r.ratioToProbot}× (serve: ${r.serveRatioToProbot}×; AOF always: ${r.durableRatioToProbot}×)`,
      target: '≥ 1.2×',
      met: r.ratioToProbot >= 1.2 && r.serveRatioToProbot >= 1.2,
    },
    {
      figure: 'intake: ours / floor req/s',
      value: `${r.ratioToFloor}× (serve: ${r.serveRatioToFloor}×; AOF always: ${r.durableRatioToFloor}×)`,
      target: '≥ 0.5×',
      met: r.ratioToFloor >= 0.5 && r.serveRatioToFloor >= 0.5,
    },
    {
      figure: 'intake: p99 at a fixed 1,000 req/s (evenly spaced)',
      value: `p99 ${ms(r.oursAt1000.p99Ms)} (p50 ${ms(r.oursAt1000.p50Ms)}, ${int(r.oursAt1000.rps)} req/s done, ${int(r.oursAt1000.errors)} errors)`,
      target: '< 10 ms',
      met: r.oursAt1000.p99Ms < 10 && r.oursAt1000.errors === 0,
    },
    {
      figure: 'intake: p99 at a fixed 1,000 req/s on Redis with AOF, appendfsync always',
      value: `p99 ${ms(r.durableAt1000.p99Ms)} (p50 ${ms(r.durableAt1000.p50Ms)}, ${int(r.durableAt1000.rps)} req/s done, ${int(r.durableAt1000.errors)} errors; AOF rewrites during it: ${r.durableAt1000.aofRewritesDuring})`,
      target: '< 10 ms',
      met: r.durableAt1000.p99Ms < 10 && r.durableAt1000.errors === 0,
    },
    {
      figure:
        'disk under that Redis: fdatasync of a 200-byte append (what each of its write turns waits for)',
      value: `p50 ${ms(r.diskFsync.p50Ms)} · p99 ${ms(r.diskFsync.p99Ms)} · max ${ms(r.diskFsync.maxMs)} (${int(r.diskFsync.count)} in a row, nothing else on that Redis)`,
      target: '—',
    },
    {
      figure: 'intake: p99 at 1,000 req/s sent in bursts (autocannon overallRate)',
      value: `p99 ${ms(r.oursAt1000Bursts.p99Ms)} (p50 ${ms(r.oursAt1000Bursts.p50Ms)}, ${int(r.oursAt1000Bursts.rps)} req/s done)`,
      target: '—',
    },
    {
      figure: `intake: ${pct(r.mix.chatterShare)} irrelevant deliveries`,
      value: `204 ${pct(r.mix.share204)} · 202 ${pct(r.mix.share202)} · ${int(r.mix.rps)} req/s`,
      target: `204 = ${pct(r.mix.chatterShare)}`,
      met: mixOk,
    },
    {
      // A plain comment may answer a maintainer's /ping in its issue: one SISMEMBER (a read) says;
      // whether a workflow runs on a changed issue: one EXISTS.
      figure:
        'intake: Redis writes for the irrelevant deliveries (plain comments; one in four an untracked issue’s label change)',
      value: `${writes.length === 0 ? 'none' : writes.map(([name, calls]) => `${name} ×${int(calls)}`).join(', ')} for ~${int(chatter)} answered 204 (reads: ${reads.map(([name, calls]) => `${name} ×${int(calls)}`).join(', ') || 'none'}; apart from them, the intake's presence beat ×${beats} in ${r.mix.irrelevantOnly.seconds} s)`,
      target: 'none',
      met: writes.length === 0 && beats <= r.mix.irrelevantOnly.seconds + 2,
    },
  ];
}

function giteaCostRows(costs: CommandCost[]): Row[] {
  const commands = [...new Set(costs.map((c) => c.command))];
  return commands.map((command) => {
    const runs = costs.filter((c) => c.command === command);
    const value = runs
      .map((c) => `${int(c.comments)} comments: ${c.requests} req, ${(c.bytesRead / 1000).toFixed(1)} kB`)
      .join(' · ');
    const flat = runs.every((c) => c.requests === runs[0]?.requests);
    return {
      figure: `gitea: one ${command} (requests, bytes read)`,
      value,
      target: '≤ 3 req, ≤ 64 kB, same at 10 and 1,000',
      met: flat && runs.every((c) => c.requests <= 3 && c.bytesRead <= 64_000),
    };
  });
}

function e2eRows(runs: E2eResult[]): Row[] {
  return runs.map((r) => ({
    figure: `e2e: accepted → reply written, ${r.workers} worker${r.workers > 1 ? 's' : ''}`,
    value: `p50 ${ms(r.p50Ms)} · p99 ${ms(r.p99Ms)} (${int(r.events)} at ${r.ratePerSecond}/s${r.missing ? `, ${r.missing} never replied` : ''})`,
    target: 'p50 < 50 ms',
    met: r.p50Ms < 50 && r.missing === 0,
  }));
}

function payrollRows(p: PayrollResults): Row[] {
  const sizes: Row[] = p.sizes.map((s) =>
    'skipped' in s
      ? {
          figure: `payroll: ${int(s.operators)} operators`,
          value: s.skipped,
          target: s.operators === 10_000 ? '< 1 s' : '—',
          met: false,
        }
      : {
          figure: `payroll: ${int(s.operators)} operators`,
          value: `${ms(s.ms)} · +${s.computeMb} MB while computing (peak RSS ${s.peakRssMb} MB)`,
          target: s.operators === 10_000 ? '< 1 s' : '—',
          ...(s.operators === 10_000 ? { met: s.ms < 1000 } : {}),
        },
  );
  const growth: Row[] = p.growth.map((g) => ({
    figure: `payroll: time growth ${int(g.from)} → ${int(g.to)}`,
    value: `×${g.ratio}`,
    target: '≈ ×10 (linear)',
    met: g.ratio <= 13,
  }));
  return [...sizes, ...growth];
}
