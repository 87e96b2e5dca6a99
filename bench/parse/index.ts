import { parseAlertForm } from '../../src/domain/alerts/form.js';
import { validateApplication } from '../../src/domain/application/index.js';
import { parseCommands } from '../../src/domain/commands/parse.js';
import { parseReport } from '../../src/domain/reports/parse.js';
import { adversarialBodies } from './bodies.js';

export type ParseResult = {
  parser: string;
  /** The slowest body's best run: what the reader costs, least disturbed by the machine's other work. */
  worstMs: number;
  /** The same body's median run. */
  worstMedianMs: number;
  worstBody: string;
  bodies: number;
  bytes: number;
};

const NOW = new Date('2026-11-23T10:00:00Z');
const RULES = { minHardware: { vcpu: 2, ramGb: 4, diskGb: 50 }, maxNodes: 10, reapplyAfterMonths: 6 };

/** Each reader as the worker runs it on a body (a report arrives as a `/report` comment). */
const PARSERS: Record<string, (body: string) => unknown> = {
  'application form': (body) => validateApplication(body, { now: NOW, otherOpenApplications: [] }, RULES),
  'alert form': parseAlertForm,
  report: (body) =>
    parseCommands(`/report ${body}`)
      .filter((command) => command.name === 'report')
      .map((command) => parseReport(command.rest, NOW)),
  commands: parseCommands,
};

/**
 * The slowest of the adversarial bodies (bench/parse/bodies.ts) of `bytes` characters, per reader:
 * the best of `runs` timed runs after one untimed warm-up run (the median is kept too).
 */
export function benchParse({ bytes = 1_000_000, runs = 5 } = {}): ParseResult[] {
  const bodies = Object.entries(adversarialBodies(bytes));
  return Object.entries(PARSERS).map(([parser, parse]) => {
    let worstMs = 0;
    let worstMedianMs = 0;
    let worstBody = '';
    for (const [name, body] of bodies) {
      // The readers keep what they read per body (a rebuild asks again for the same text), keyed
      // by the part they read (the command reader: the first 64 KiB): each run reads a body of
      // its own, one leading line break apart, so that every run parses.
      const fresh = (run: number) => `${'\n'.repeat(run + 1)}${body}`;
      parse(fresh(runs));
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const text = fresh(run);
        const started = performance.now();
        parse(text);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const [best = 0, median = 0] = [times[0], times[Math.floor(runs / 2)]];
      if (best > worstMs) [worstMs, worstMedianMs, worstBody] = [best, median, name];
    }
    return { parser, worstMs, worstMedianMs, worstBody, bodies: bodies.length, bytes };
  });
}
