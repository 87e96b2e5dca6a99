import type { Redis } from 'ioredis';
import { type OperatorRecord, operatorRecordSchema } from '../domain/registry.js';

const REGISTRY = 'ob:operators';

/** The operator registry: one JSON record per login (lower-cased key, login kept as typed). */
export function createRegistryStore(redis: Redis) {
  return {
    async get(login: string): Promise<OperatorRecord | undefined> {
      const raw = await redis.hget(REGISTRY, login.toLowerCase());
      return raw ? operatorRecordSchema.parse(JSON.parse(raw)) : undefined;
    },
    async put(record: OperatorRecord): Promise<void> {
      await redis.hset(
        REGISTRY,
        record.login.toLowerCase(),
        JSON.stringify(operatorRecordSchema.parse(record)),
      );
    },
    async all(): Promise<OperatorRecord[]> {
      const values = await redis.hvals(REGISTRY);
      return values
        .map((raw) => operatorRecordSchema.parse(JSON.parse(raw)))
        .sort((a, b) => a.login.localeCompare(b.login));
    },
  };
}

export type RegistryStore = ReturnType<typeof createRegistryStore>;
