import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../src/engine/definition.js';
import type { Facts } from '../../../src/engine/module.js';
import { mayUse } from '../../../src/engine/roles.js';
import type { BotEvent } from '../../../src/gitea/event.js';
import { decideAsActor } from '../../../src/worker/actor-roles.js';
import { botEvent } from '../../support/events.js';

const NO_FACTS: Facts = { otherOpenIssues: [], mentioned: {}, botLogin: 'operator-bot' };

/** A maintainer check that answers `answer` and counts the questions. */
function check(answer: boolean) {
  const asked: string[] = [];
  const isMaintainer = async (login: string) => {
    asked.push(login);
    return answer;
  };
  return { asked, isMaintainer };
}

const comment = (actor: string) =>
  botEvent({
    kind: 'comment.created',
    actor,
    comment: { id: 1, body: '/x', createdAt: '2026-11-20T10:00:00.000Z' },
  });

describe('decideAsActor', () => {
  it('asks nothing when the decision never looks at the maintainer role', async () => {
    const { asked, isMaintainer } = check(true);
    const allowed = await decideAsActor(comment('alice'), null, NO_FACTS, isMaintainer, (roles) =>
      mayUse(roles, ['author', 'maintainer']),
    );
    expect(allowed).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks once when it does, and decides with the answer', async () => {
    for (const answer of [true, false]) {
      const { asked, isMaintainer } = check(answer);
      const runs: boolean[] = [];
      const allowed = await decideAsActor(comment('maint'), null, NO_FACTS, isMaintainer, (roles) => {
        runs.push(roles.has('maintainer'));
        return mayUse(roles, ['maintainer']);
      });
      expect(allowed).toBe(answer);
      expect(asked).toEqual(['maint']);
      // The first run stopped where it looked: one run to its end, with Gitea's answer.
      expect(runs).toEqual([answer]);
    }
  });

  it('counts a walk or a copy of the set as looking: a copy answers `has` on its own', async () => {
    const walks: ((roles: ReadonlySet<Role>) => boolean)[] = [
      (roles) => new Set(roles).has('maintainer'),
      (roles) => [...roles].includes('maintainer'),
      (roles) => roles.size > 3,
      (roles) => {
        let seen = false;
        roles.forEach((role) => {
          seen ||= role === 'maintainer';
        });
        return seen;
      },
      (roles) => [...roles.values()].includes('maintainer'),
    ];
    for (const walk of walks) {
      const { asked, isMaintainer } = check(true);
      await decideAsActor(comment('maint'), null, NO_FACTS, isMaintainer, walk);
      expect(asked).toEqual(['maint']);
    }
  });

  it('never asks for the bot’s own events, openings and edits: those are not judged by role', async () => {
    const events: BotEvent[] = [
      botEvent({ kind: 'issue.opened', actor: 'maint' }),
      botEvent({ kind: 'issue.edited', actor: 'maint' }),
      { ...comment('maint'), internal: true },
    ];
    for (const event of events) {
      const { asked, isMaintainer } = check(true);
      expect(await decideAsActor(event, null, NO_FACTS, isMaintainer, (r) => mayUse(r, ['maintainer']))).toBe(
        false,
      );
      expect(asked).toEqual([]);
    }
  });

  it('decides as if the role had been asked first, for any sequence of permission checks (property)', async () => {
    const role = fc.constantFrom(...ROLES);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(role, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom('alice', 'bob'),
        fc.constantFrom<Facts['actor']>(undefined, { status: 'active' } as Facts['actor']),
        async (checks, isOne, actor, record) => {
          const facts = { ...NO_FACTS, ...(record ? { actor: record } : {}) };
          const decision = (roles: ReadonlySet<Role>) => checks.map((allowed) => mayUse(roles, allowed));
          const { asked, isMaintainer } = check(isOne);
          const lazy = await decideAsActor(comment(actor), null, facts, isMaintainer, decision);
          // The roles as if all were known up front: alice wrote the issue; a registered
          // operator other than its author is a peer; the maintainer role as Gitea says.
          const held = new Set<Role>([
            'anyone',
            ...(actor === 'alice' ? (['author'] as const) : []),
            ...(record ? (['operator'] as const) : []),
            ...(record && actor !== 'alice' ? (['peer'] as const) : []),
            ...(isOne ? (['maintainer'] as const) : []),
          ]);
          const eager = checks.map((allowed) => allowed.some((r) => r === 'anyone' || held.has(r)));
          expect(lazy).toEqual(eager);
          expect(asked.length).toBeLessThanOrEqual(1);
          if (!checks.some((allowed) => allowed.includes('maintainer'))) expect(asked).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
