import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMetrics } from '../../../src/metrics.js';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Target = { expr?: string; refId?: string; datasource?: { type?: string; uid?: string } };
type Panel = {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  panels?: Panel[];
};
type Dashboard = {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: { name: string; type: string; query?: string }[] };
};

// biome-ignore lint/suspicious/noTemplateCurlyInString: a Grafana variable reference
const PROMETHEUS = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };
const dashboard = JSON.parse(read('deploy/grafana/dashboards/operator-bot.json')) as Dashboard;
const allPanels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
const queryPanels = allPanels.filter((panel) => panel.type !== 'row');
const exprs = queryPanels.flatMap((panel) =>
  (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr ?? '' })),
);

/** Series names and label names of one process's /metrics, from the real registry. */
function exposedSeries() {
  const metrics = createMetrics();
  const series = new Map<string, Set<string>>();
  for (const metric of metrics.registry.getMetricsAsArray()) {
    const labels = new Set((metric as unknown as { labelNames?: string[] }).labelNames ?? []);
    // prom-client types `type` as a numeric enum, but it is the string 'counter' | 'gauge' | 'histogram' | 'summary'.
    const type = String(metric.type);
    const names =
      type === 'histogram'
        ? [`${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`]
        : type === 'summary'
          ? [metric.name, `${metric.name}_sum`, `${metric.name}_count`]
          : [metric.name];
    for (const name of names)
      series.set(name, new Set([...labels, ...(name.endsWith('_bucket') ? ['le'] : [])]));
  }
  return series;
}

const series = exposedSeries();
const seriesIn = (expr: string) => [...expr.matchAll(/\boperator_bot_[a-z0-9_]+/g)].map((m) => m[0]);

describe('the Grafana dashboard (deploy/grafana/dashboards/operator-bot.json)', () => {
  it('is a dashboard Grafana can provision', () => {
    expect(dashboard.uid).toBe('operator-bot');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', query: 'prometheus' }),
    );
    const ids = allPanels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of allPanels) {
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
    }
    expect(queryPanels.length).toBeGreaterThanOrEqual(10);
  });

  it('queries the Prometheus data source on every panel and target', () => {
    for (const panel of queryPanels) {
      expect(panel.datasource, panel.title).toEqual(PROMETHEUS);
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) {
        expect(target.datasource, panel.title).toEqual(panel.datasource);
        expect(target.refId, panel.title).toMatch(/^[A-Z]$/);
      }
    }
  });

  it('names only series that src/metrics.ts or the default metrics expose', () => {
    expect(series.has('operator_bot_process_resident_memory_bytes')).toBe(true);
    for (const { panel, expr } of exprs) {
      const names = seriesIn(expr);
      expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      for (const name of names) expect(series.has(name), `${panel}: ${name}`).toBe(true);
    }
  });

  it('groups and filters only by labels those series have', () => {
    for (const { panel, expr } of exprs) {
      const labels = new Set(seriesIn(expr).flatMap((name) => [...(series.get(name) ?? [])]));
      const used = [
        ...[...expr.matchAll(/\bby \(([^)]*)\)/g)].flatMap((m) => (m[1] ?? '').split(',')),
        ...[...expr.matchAll(/[{,]\s*([a-z_]+)\s*(?:=~|!~|!=|=)/g)].map((m) => m[1] ?? ''),
      ].map((label) => label.trim());
      for (const label of used) expect(labels.has(label), `${panel}: label ${label} in ${expr}`).toBe(true);
    }
  });

  it('filters only on outcome values the code records', () => {
    const source = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => read(join('src', file)))
      .join('\n');
    for (const { panel, expr } of exprs) {
      for (const m of expr.matchAll(/outcome\s*(?:=~|!~|=)\s*"([^"]+)"/g)) {
        for (const outcome of (m[1] ?? '').split('|')) {
          expect(source, `${panel}: outcome "${outcome}"`).toContain(`'${outcome}'`);
        }
      }
    }
  });

  it('covers the panels operators need', () => {
    const all = exprs.map((e) => e.expr).join('\n');
    expect(all).toContain('sum by (outcome) (rate(operator_bot_webhooks_total[5m]))');
    expect(all).toContain('sum by (outcome) (rate(operator_bot_jobs_total[5m]))');
    for (const q of ['0.5', '0.95', '0.99']) {
      expect(all).toContain(
        `histogram_quantile(${q}, sum by (le) (rate(operator_bot_job_duration_seconds_bucket[5m])))`,
      );
    }
    expect(all).toContain('operator_bot_gitea_requests_total{status=~"5..|429|0"}');
    expect(all).toContain('operator_bot_nodejs_eventloop_lag_p99_seconds');
  });
});

describe('the Prometheus and Grafana provisioning in deploy/', () => {
  it('scrapes the bot at bot:8080/metrics', () => {
    const config = parse(read('deploy/prometheus/prometheus.yml')) as {
      scrape_configs: { job_name: string; metrics_path?: string; static_configs: { targets: string[] }[] }[];
    };
    const targets = config.scrape_configs.flatMap((job) => job.static_configs.flatMap((s) => s.targets));
    expect(targets).toEqual(['bot:8080']);
    expect(config.scrape_configs[0]?.metrics_path ?? '/metrics').toBe('/metrics');
  });

  it('provisions the data source with the uid the dashboard defaults to', () => {
    const datasources = parse(read('deploy/grafana/provisioning/datasources/prometheus.yaml')) as {
      datasources: { uid: string; type: string; url: string }[];
    };
    expect(datasources.datasources).toContainEqual(
      expect.objectContaining({ uid: 'prometheus', type: 'prometheus', url: 'http://prometheus:9090' }),
    );
    const providers = parse(read('deploy/grafana/provisioning/dashboards/operator-bot.yaml')) as {
      providers: { type: string; options: { path: string } }[];
    };
    expect(providers.providers[0]?.options.path).toBe('/etc/grafana/dashboards');
  });
});
