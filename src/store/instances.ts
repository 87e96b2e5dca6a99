import type { Redis } from 'ioredis';
import { type Instance, instanceSchema } from '../engine/instance.js';
import { issueKey, keySpace } from './keys.js';

const instanceKey = (repo: string, issue: number, workflow: string) =>
  `ob:instance:${issueKey(repo, issue)}:${workflow}`;
const INSTANCE_INDEX = 'ob:instances';
/** Set when a workflow starts on an issue, before its first effects: the intake tracks the issue from then on. */
const startedKey = (repo: string, issue: number, workflow: string) =>
  `${instanceKey(repo, issue, workflow)}:started`;

/** Derived: every instance is regrown by replaying its issue. */
export const instanceKeys = keySpace({
  store: 'instances',
  patterns: ['ob:instance:*', INSTANCE_INDEX],
  derived: true,
});

/** Workflow instances in Redis, one JSON value per (issue, workflow), plus an index of them all. */
export function createInstanceStore(redis: Redis) {
  return {
    async get(repo: string, issue: number, workflow: string): Promise<Instance | null> {
      const raw = await redis.get(instanceKey(repo, issue, workflow));
      return raw ? instanceSchema.parse(JSON.parse(raw)) : null;
    },
    /** The instances of `workflows` on one issue, in one read (null where a workflow does not run). */
    async ofIssue(repo: string, issue: number, workflows: readonly string[]): Promise<(Instance | null)[]> {
      if (workflows.length === 0) return [];
      const values = await redis.mget(workflows.map((w) => instanceKey(repo, issue, w)));
      return values.map((raw) => (raw ? instanceSchema.parse(JSON.parse(raw)) : null));
    },
    async put(instance: Instance): Promise<void> {
      const key = instanceKey(instance.repo, instance.issue, instance.workflow);
      await redis.multi().set(key, JSON.stringify(instance)).sadd(INSTANCE_INDEX, key).exec();
    },
    /**
     * Marks `workflow` as running on the issue before its first effects are written: a delivery
     * caused by those effects (a label a person then removes) is not taken for an untracked issue's.
     */
    async started(repo: string, issue: number, workflow: string): Promise<void> {
      await redis.set(startedKey(repo, issue, workflow), '1');
    },
    /** Whether any of `workflows` runs on the issue (one EXISTS; the intake asks, so it must be cheap). */
    async tracks(repo: string, issue: number, workflows: readonly string[]): Promise<boolean> {
      if (workflows.length === 0) return false;
      const keys = workflows.flatMap((w) => [instanceKey(repo, issue, w), startedKey(repo, issue, w)]);
      return (await redis.exists(...keys)) > 0;
    },
    async all(): Promise<Instance[]> {
      const keys = await redis.smembers(INSTANCE_INDEX);
      if (keys.length === 0) return [];
      const values = await redis.mget(keys);
      return values.flatMap((raw) => (raw ? [instanceSchema.parse(JSON.parse(raw))] : []));
    },
  };
}

export type InstanceStore = ReturnType<typeof createInstanceStore>;
