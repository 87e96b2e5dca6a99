import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialBodies } from '../../bench/parse/bodies.js';
import { parseAlertForm } from '../../src/domain/alerts/form.js';
import { parseApplication } from '../../src/domain/application/index.js';
import { parseCommands } from '../../src/domain/commands/parse.js';
import { parseReport } from '../../src/domain/reports/parse.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const PARSERS: Record<string, (body: string) => unknown> = {
  application: parseApplication,
  alert: parseAlertForm,
  report: (body) => parseReport(body, NOW),
  commands: (body) => parseCommands(`/report ${body}`),
};
/** Both sizes stay within the 64 KiB the readers read. */
const SMALL = 16_000;
const LARGE = 4 * SMALL;

/**
 * The fastest of a few runs: the least disturbed by other processes on the machine. Each run
 * reads a body of its own, trailing line breaks apart (all within the 64 KiB read): the command
 * reader keeps what it read per body, and a run that hit that cache would time nothing.
 */
function fastest(parse: (body: string) => unknown, body: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const own = `${body}${'\n'.repeat(++fresh % 1000)}`;
    const started = performance.now();
    parse(own);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

let fresh = 0;

/**
 * 4 times the input may take at most 8 times as long (+5 ms of slack for a busy machine: the
 * fastest 16k bodies take ~0.3–4 ms, so a reader 16 times slower on 4 times the input fails):
 * linear readers take about 4 times, quadratic ones 16 (the padded heading that blocked the
 * process 12.9 s did: 16k spaces 0.2 s, 64k 3.2 s).
 */
function expectLinear(name: string, body: (size: number) => string): void {
  for (const [parser, parse] of Object.entries(PARSERS)) {
    const [small, large] = [body(SMALL), body(LARGE)];
    parse(small);
    // A slow path is slow every time; a pause of the busy machine is not: up to 6 tries (the suite
    // runs files side by side on 2 cores, and CI once saw 3 tries in a row disturbed).
    let times: [number, number] = [0, 0];
    for (let attempt = 0; attempt < 6; attempt++) {
      times = [fastest(parse, small), fastest(parse, large)];
      if (times[1] < 8 * times[0] + 5) break;
    }
    const [a, b] = times;
    expect(b, `${parser} on ${name}: ${a.toFixed(2)} ms → ${b.toFixed(2)} ms`).toBeLessThan(8 * a + 5);
  }
}

const repeated = (unit: string) => (size: number) =>
  unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

describe('reading a body takes time linear in its length', () => {
  it.each(Object.keys(adversarialBodies(SMALL)))('%s', (name) => {
    expectLinear(name, (size) => adversarialBodies(size)[name] as string);
  });

  it('for generated bodies', { timeout: 120_000 }, () => {
    const fragment = fc.constantFrom(
      '### ',
      '# ',
      '> ',
      '- **',
      '**',
      '__',
      ':',
      '=',
      '`',
      '```',
      '~~~',
      '[',
      '](',
      '<!--',
      '<a ',
      '*',
      '_',
      ' ',
      '\t',
      '\n',
      '\n\n',
      '\u2028',
      '/report ',
      '/approve',
      'uptime=',
      '_No response_',
      '(e.g',
      '2 vCPU / ',
      'Relevant Experience (describe)',
      'a',
    );
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 6 }), (pieces) => {
        expectLinear(JSON.stringify(pieces.join('')), repeated(pieces.join('')));
      }),
      { numRuns: 15 },
    );
  });
});
