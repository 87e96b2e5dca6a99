import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DURABLE_REDIS } from '../../../src/redis/embedded.js';

const compose = parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'docker-compose.yml'), 'utf8'),
) as {
  services: Record<string, { command?: string[] }>;
};

describe("docker-compose.yml's Redis", () => {
  it('runs with every setting of DURABLE_REDIS (a write answered only once it is on disk)', () => {
    const command = compose.services.redis?.command ?? [];
    const given = Object.fromEntries(
      command.flatMap((word, i) => (word.startsWith('--') ? [[word.slice(2), command[i + 1]]] : [])),
    );
    expect(given).toMatchObject(DURABLE_REDIS);
  });
});
