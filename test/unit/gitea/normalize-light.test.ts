import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { botEventSchema } from '../../../src/gitea/event.js';
import { normalizeDelivery } from '../../../src/gitea/normalize.js';
import { commentPayload, DELIVERY_FIXTURES, issuePayload, loadDelivery } from '../../support/deliveries.js';

// The intake builds events without the zod parse of the payload (issue #19: the full parse belongs
// to the worker). It must never make an event the worker's parse refuses, nor differ from the
// full parse on a payload that parse accepts.

describe('normalizeDelivery, light (the intake) against full (zod)', () => {
  it.each(DELIVERY_FIXTURES)('gives the same event and key for $file', ({ file, eventType }) => {
    const payload = loadDelivery(file);
    expect(normalizeDelivery(eventType, payload, 'd-1', 'light')).toEqual(
      normalizeDelivery(eventType, payload, 'd-1', 'full'),
    );
  });

  it.each([
    ['the issue is missing', { issue: undefined }, 'issue'],
    ['the issue id is a string', { issue: { id: '12' } }, 'issue.id'],
    ['the comment body is a number', { comment: { body: 42 } }, 'comment.body'],
    ['the labels are not a list', { issue: { labels: 'operator-application' } }, 'issue.labels'],
    ['the creation time is not a time', { comment: { created_at: 'yesterday' } }, 'comment.created_at'],
  ])('answers invalid, naming the field, when %s', (_what, override, field) => {
    const payload = commentPayload('created', '/status');
    const broken = mergeDeep(payload, override);
    const result = normalizeDelivery('issue_comment', broken, undefined, 'light');
    expect(result.outcome).toBe('invalid');
    expect(result.outcome === 'invalid' && result.reason).toContain(field);
  });

  it('never makes an event the worker would refuse, whatever one field of the payload holds', () => {
    const leafValue = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
    );
    const bases: [string, () => unknown][] = [
      ['issue_comment', () => commentPayload('created', '/approve')],
      ['issues', () => issuePayload('opened')],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.nat(), leafValue, ([eventType, make], pick, value) => {
        const payload = make() as Record<string, unknown>;
        const paths = leafPaths(payload);
        setAt(payload, paths[pick % paths.length] as string[], value);
        const light = normalizeDelivery(eventType, payload, undefined, 'light');
        if (light.outcome === 'event') expect(botEventSchema.safeParse(light.event).success).toBe(true);
        const full = normalizeDelivery(eventType, payload, undefined, 'full');
        if (full.outcome === 'event') expect(light).toEqual(full);
      }),
      { numRuns: 500 },
    );
  });
});

function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [path];
  return [path, ...entries.flatMap(([key, child]) => leafPaths(child, [...path, key]))].filter(
    (p) => p.length,
  );
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown) {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}

function mergeDeep<T>(base: T, override: Record<string, unknown>): T {
  const out = structuredClone(base) as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? mergeDeep(current, value as Record<string, unknown>)
        : value;
  }
  return out as T;
}
