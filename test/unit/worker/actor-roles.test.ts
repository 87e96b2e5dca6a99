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

  it('never decides silently without the role when the set is read behind its back: as if asked first, or the event fails', async () => {
    // Reads of the set's contents that do not go through its methods (a structured clone, Set's own
    // methods called on it): a Set subclass answers them from its data without noticing, so a
    // maintainer was decided as a non-maintainer, and nothing said so.
    const behindItsBack: ((roles: ReadonlySet<Role>) => boolean)[] = [
      (roles) => structuredClone(roles).has('maintainer'),
      (roles) => Set.prototype.has.call(roles, 'maintainer'),
      (roles) => Reflect.apply(Set.prototype.has, roles, ['maintainer']) as boolean,
      (roles) => [...Set.prototype.values.call(roles)].includes('maintainer'),
    ];
    for (const read of behindItsBack) {
      const eager = read(new Set<Role>(['anyone', 'maintainer']));
      expect(eager).toBe(true);
      const { isMaintainer } = check(true);
      const lazy = await decideAsActor(comment('maint'), null, NO_FACTS, isMaintainer, read).then(
        (decision) => ({ decision }),
        (error: unknown) => ({ error }),
      );
      if ('decision' in lazy) expect(lazy.decision).toBe(eager);
      else expect(lazy.error).toBeInstanceOf(TypeError);
    }
  });

  it('a decision that catches the stop where it looks at the role is still made with Gitea’s answer', async () => {
    // The first run is stopped by a throw where it looks at `maintainer`; a decision that catches
    // errors around that look (a fallback answer) would otherwise finish without the role, silently.
    const decision = (roles: ReadonlySet<Role>) => {
      try {
        return roles.has('maintainer') ? 'as a maintainer' : 'as anyone';
      } catch {
        return 'fell back';
      }
    };
    for (const answer of [true, false]) {
      const { asked, isMaintainer } = check(answer);
      expect(await decideAsActor(comment('maint'), null, NO_FACTS, isMaintainer, decision)).toBe(
        answer ? 'as a maintainer' : 'as anyone',
      );
      expect(asked).toEqual(['maint']);
    }
  });

  it('a decision that fails without the role is made again with it, as if the role had been asked first', async () => {
    // Only the role-less run fails (a branch for non-maintainers that throws): a maintainer's
    // decision must not fail with it, and a non-maintainer's fails as it did up front.
    const decision = (roles: ReadonlySet<Role>) => {
      if (!roles.has('maintainer')) throw new RangeError('not for non-maintainers');
      return 'decided as a maintainer';
    };
    const maintainer = check(true);
    expect(await decideAsActor(comment('maint'), null, NO_FACTS, maintainer.isMaintainer, decision)).toBe(
      'decided as a maintainer',
    );
    expect(maintainer.asked).toEqual(['maint']);
    const other = check(false);
    await expect(
      decideAsActor(comment('mallory'), null, NO_FACTS, other.isMaintainer, decision),
    ).rejects.toThrow('not for non-maintainers');
    // One that fails before looking at the role fails for everyone, without asking.
    const blind = check(true);
    const failing = () => {
      throw new RangeError('bad data');
    };
    await expect(
      decideAsActor(comment('maint'), null, NO_FACTS, blind.isMaintainer, failing),
    ).rejects.toThrow('bad data');
    expect(blind.asked).toEqual([]);
  });

  it('never asks for the bot’s own events and openings: those are not judged by role', async () => {
    const events: BotEvent[] = [
      botEvent({ kind: 'issue.opened', actor: 'maint' }),
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

  // An application's form is read again on an edit by its author or a maintainer only (Gitea lets
  // any writer edit anyone's issue): an edit is judged by role, asked only when looked at.
  it('asks for an edit by someone else only when the decision looks at the role', async () => {
    const { asked, isMaintainer } = check(true);
    const edit = botEvent({ kind: 'issue.edited', actor: 'maint' });
    expect(await decideAsActor(edit, null, NO_FACTS, isMaintainer, (r) => mayUse(r, ['maintainer']))).toBe(
      true,
    );
    expect(asked).toEqual(['maint']);
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
