import { describe, expect, it } from 'vitest';
import { defaultProgramConfig, programConfigSchema } from '../../../src/config/program.js';
import type { Role } from '../../../src/engine/definition.js';
import type { Effect } from '../../../src/engine/effects.js';
import type { Instance } from '../../../src/engine/instance.js';
import { botEvent } from '../../support/events.js';
import { examplesOf, templates, viewOf } from '../../support/template-examples.js';
import { completeForm, instanceIn, step, workflowNamed } from '../../support/workflows.js';

/**
 * Gitea notifies nobody of an edited comment: each transition that asks something of someone
 * posts exactly one comment that @mentions them and says what to type (issue #18, "Notify").
 */
const config = programConfigSchema.parse({
  maintainers: { users: ['maint', 'mara'], teams: ['fleet/maintainers'] },
  bot: { rawUrl: 'https://git.example.org/ops/operator-bot/raw/tag/v1.4.0/' },
});
const onboarding = workflowNamed('onboarding', config);
const notes = (effects: Effect[]) =>
  effects.filter((e): e is Extract<Effect, { type: 'postNote' }> => e.type === 'postNote');
/** Comments a decision posts that mention `handle` (the status comment is edited, so it does not count). */
const mentioning = (effects: Effect[], handle: string) =>
  notes(effects).filter((n) => new RegExp(`@${handle}(?![\\w/-])`).test(n.body));

let id = 500;
const say = (actor: string, body: string, at = '2026-11-21T10:00:00.000Z') =>
  botEvent({
    kind: 'comment.created',
    actor,
    at,
    comment: { id: ++id, body, createdAt: at },
    issue: { body: completeForm },
  });

function walk() {
  let instance: Instance | null = step(onboarding, null, {
    event: botEvent({ kind: 'issue.opened', issue: { body: completeForm } }),
    config,
  }).instance;
  const run = (event: ReturnType<typeof say>, roles: Role[] = []) => {
    const decision = step(onboarding, instance, { event, roles, config });
    instance = decision.instance;
    return decision.effects;
  };
  return { run, now: () => instance };
}

describe('each transition that asks an action posts one comment mentioning whom it asks', () => {
  it('application approved: the applicant hears it, and the other maintainers what is theirs', () => {
    const { run } = walk();
    const effects = run(say('maint', '/approve'), ['maintainer']);
    expect(notes(effects)).toHaveLength(1);
    expect(mentioning(effects, 'alice')).toHaveLength(1);
    expect(notes(effects)[0]?.body).toContain('`/module N`');
    // The applicant is never told to use a maintainer's command.
    const toAlice =
      notes(effects)[0]
        ?.body.split('\n\n')
        .find((line) => line.startsWith('@alice')) ?? '';
    expect(toAlice).not.toContain('/shadow');
    expect(mentioning(effects, 'mara')).toHaveLength(1);
    // The maintainer who just acted is not mentioned about it.
    expect(mentioning(effects, 'maint')).toHaveLength(0);
  });

  it('a fixed application asks the maintainers to review it, by user and by team', () => {
    const broken = completeForm.replace('\n3\n\n### Experience', '\n12\n\n### Experience');
    const first = step(onboarding, null, {
      event: botEvent({ kind: 'issue.opened', issue: { body: broken } }),
      config,
    });
    const fixed = step(onboarding, first.instance, {
      event: botEvent({ kind: 'issue.edited', issue: { body: completeForm } }),
      config,
      roles: ['author'],
    });
    expect(fixed.instance?.state).toBe('screening');
    expect(notes(fixed.effects)).toHaveLength(1);
    expect(notes(fixed.effects)[0]?.body).toMatch(
      /^@maint @mara @fleet\/maintainers: review the application and comment `\/approve`, or `\/reject REASON`\.$/,
    );
  });

  it('shadow week ended: the applicant hears what is left of the training', () => {
    const { run, now } = walk();
    run(say('maint', '/approve'), ['maintainer']);
    run(say('maint', '/quiz 90'), ['maintainer']);
    const shadow = run(say('maint', '/shadow @bob', '2026-11-22T08:00:00.000Z'), ['maintainer']);
    expect(mentioning(shadow, 'alice')).toHaveLength(0);
    const ended = run(
      botEvent({
        kind: 'timer.fired',
        actor: 'operator-bot',
        at: '2026-11-29T08:00:00.000Z',
        timer: {
          workflow: 'onboarding',
          name: 'shadowWeek',
          forState: 'training',
          forVersion: now()?.version ?? 0,
        },
      }),
    );
    expect(now()?.state).toBe('training');
    expect(notes(ended)).toHaveLength(1);
    expect(mentioning(ended, 'alice')[0]?.body).toContain('finish training modules 1, 2, 3, 4, 5');
  });

  it('certification signed off: the new operator is told their duties, from the config', () => {
    const { run, now } = walk();
    run(say('maint', '/approve'), ['maintainer']);
    run(say('alice', '/module 1\n/module 2\n/module 3\n/module 4\n/module 5'), ['author']);
    run(say('maint', '/quiz 90'), ['maintainer']);
    run(say('maint', '/shadow @bob', '2026-11-22T08:00:00.000Z'), ['maintainer']);
    run(
      botEvent({
        kind: 'timer.fired',
        actor: 'operator-bot',
        at: '2026-11-29T08:00:00.000Z',
        timer: {
          workflow: 'onboarding',
          name: 'shadowWeek',
          forState: 'training',
          forVersion: now()?.version ?? 0,
        },
      }),
    );
    run(say('alice', '/fleet node-a node-b'), ['author']);
    run(say('maint', '/tasks 10'), ['maintainer']);
    const active = run(say('bob', '/signoff', '2026-12-01T12:00:00.000Z'), ['operator', 'peer']);
    expect(now()?.state).toBe('active');
    expect(notes(active)).toHaveLength(1);
    const duties = mentioning(active, 'alice')[0]?.body ?? '';
    expect(duties).toContain('`/report` your metrics every week, by Monday 09:00 UTC');
    expect(duties).toContain(
      '[fleet-metrics.sh](https://git.example.org/ops/operator-bot/raw/tag/v1.4.0/scripts/fleet-metrics.sh)',
    );
    expect(duties).toContain('`/ack` each alert on your nodes within 30m (critical) or 4h (warning)');
    expect(duties).toContain('every 90 days and comment `/rotated`');
  });

  it('a reassigned alert asks its new responsible operator to acknowledge, to the second', () => {
    const alert = workflowNamed('alert', config);
    const open = instanceIn('alert', 'open', {
      severity: 'critical',
      because: 'form',
      responsible: 'bob',
      openedAt: '2026-11-20T10:00:00.000Z',
      ackDeadline: '2026-11-20T10:30:00.000Z',
    });
    const { effects } = step(alert, open, {
      event: botEvent({
        kind: 'issue.assigned',
        actor: 'maint',
        issue: { assignees: ['carol'], labels: ['operator-alert'] },
      }),
      roles: ['maintainer'],
      config,
    });
    expect(notes(effects)).toHaveLength(1);
    expect(mentioning(effects, 'carol')[0]?.body).toContain('`/ack` by 2026-11-20 10:30:00 UTC');
  });

  it('an exit item marked done asks the maintainers to verify it; the operator is not re-asked', () => {
    const exit = workflowNamed('exit', config);
    const notice = instanceIn('exit', 'notice', {
      kind: 'notice',
      operator: 'alice',
      openedAt: '2026-11-01T10:00:00.000Z',
      lastDay: '2026-12-01T10:00:00.000Z',
    });
    const { effects } = step(exit, notice, {
      event: say('alice', '/done access'),
      roles: ['author'],
      config,
    });
    expect(notes(effects)).toHaveLength(1);
    expect(mentioning(effects, 'maint')[0]?.body).toContain('`/confirm ITEM`: `access`');
    expect(mentioning(effects, 'alice')).toHaveLength(0);
  });

  it('with no maintainer configured, the Next line still names who acts', () => {
    const bare = workflowNamed('onboarding', defaultProgramConfig());
    const { effects } = step(bare, null, {
      event: botEvent({ kind: 'issue.opened', issue: { body: completeForm } }),
    });
    const status = (effects.find((e) => e.type === 'upsertStatusComment') as { body: string }).body;
    expect(status).toContain('**Next:** a maintainer: review the application');
  });
});

describe('every Next line names who acts and what they type', () => {
  it.each(['alert-status', 'exit-status', 'onboarding-status', 'payroll-status'])('%s', (template) => {
    for (const example of examplesOf(template)) {
      const body = templates.render(template, viewOf(template, example));
      const next = body.slice(body.indexOf('**Next:**'));
      if (!body.includes('**Next:**')) continue;
      // One ask: the line (with a new operator's list of duties); several: a list, one ask each.
      const paragraph = (next.split('\n\n')[0] ?? '').replace('**Next:**', '').trim();
      const items = next.startsWith('**Next:** \n- ')
        ? paragraph.split('\n- ').map((item) => item.replace(/^- /, '').trim())
        : [paragraph];
      expect(items?.length).toBeGreaterThan(0);
      for (const item of items ?? []) {
        expect(item).toMatch(
          /^(@[\w./-]+( @[\w./-]+)*|a maintainer|the [a-z ]+|an active operator or a maintainer)[: ]/,
        );
        expect(item).toMatch(/`\/[a-z-]+|edit the issue/);
      }
    }
  });
});
