import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../../src/config/program.js';
import type { DecideContext } from '../../../../src/engine/module.js';
import { CHECKLIST_ITEMS, NOTICE_CHECKLIST } from '../../../../src/workflows/exit/checklist.js';
import { checklistComplete, exitGuards } from '../../../../src/workflows/exit/guards.js';
import { botEvent } from '../../../support/events.js';
import { activeOperator, instanceIn } from '../../../support/workflows.js';

const by = { by: 'x', at: '2026-11-20T10:00:00.000Z' };
const notice = (checklist: Record<string, unknown>, lastDayReached: boolean) =>
  instanceIn('exit', 'notice', {
    kind: 'notice',
    operator: 'bob',
    openedAt: '2026-11-02T10:00:00.000Z',
    lastDay: '2026-12-02T10:00:00.000Z',
    lastDayReached,
    checklist,
  });
/** Every item done by the operator and confirmed by a maintainer, except what `without` takes away. */
const fullChecklist = (without: { item: string; part: 'done' | 'confirmed' }[] = []) =>
  Object.fromEntries(
    CHECKLIST_ITEMS.map((item) => {
      const state: Record<string, unknown> = { done: by, confirmed: by };
      for (const w of without) if (w.item === item) delete state[w.part];
      return [item, state];
    }),
  );
const ctx = (overrides: Partial<DecideContext>): DecideContext => ({
  event: botEvent({ issue: { labels: ['exit-notice'] } }),
  instance: notice({}, false),
  config: defaultProgramConfig(),
  facts: { otherOpenIssues: [], mentioned: {} },
  roles: new Set(),
  ...overrides,
});

describe('PROGRAM.md "Exit · Voluntary": the final payment starts after the last day, with the checklist complete', () => {
  it.each([
    ['last day reached, every item done and verified', fullChecklist(), true, true],
    ['checklist complete but the notice still running', fullChecklist(), false, 'not yet'],
    ['last day reached, nothing done', {}, true, 'not yet'],
    [
      'node access done but not verified',
      fullChecklist([{ item: 'access', part: 'confirmed' }]),
      true,
      'not yet',
    ],
    [
      'credentials verified but not marked done',
      fullChecklist([{ item: 'credentials', part: 'done' }]),
      true,
      'not yet',
    ],
    ['the final report not submitted', fullChecklist([{ item: 'report', part: 'done' }]), true, 'not yet'],
    // Handing over tasks and the final report are the operator's word alone (no maintainer verifies them).
    [
      'tasks and report done without a maintainer’s confirmation',
      fullChecklist([
        { item: 'tasks', part: 'confirmed' },
        { item: 'report', part: 'confirmed' },
      ]),
      true,
      true,
    ],
  ])('%s → %s', (_case, checklist, lastDayReached, expected) => {
    expect(exitGuards.readyForPayout?.(ctx({ instance: notice(checklist, lastDayReached) }))).toBe(expected);
  });

  it('the checklist is the four items of the program: access, tasks, credentials, final report', () => {
    expect(Object.keys(NOTICE_CHECKLIST)).toEqual(['access', 'tasks', 'credentials', 'report']);
    expect(
      checklistComplete({
        kind: 'notice',
        operator: 'bob',
        openedAt: '',
        lastDayReached: false,
        checklist: fullChecklist(),
      }),
    ).toBe(true);
  });
});

describe('who may give notice, and how a maintainer decides a proposed termination', () => {
  it.each([
    ['active', true],
    ['exiting', 'only an active operator can give notice'],
    ['exited', 'only an active operator can give notice'],
    ['terminated', 'only an active operator can give notice'],
  ] as const)('an author who is %s → %s', (status, expected) => {
    const author = activeOperator('bob', { status });
    expect(
      exitGuards.authorIsOperator?.(ctx({ facts: { otherOpenIssues: [], mentioned: {}, author } })),
    ).toBe(expected);
  });

  it.each([
    ['confirm', true, 'write `/terminate confirm` or `/terminate cancel`.'],
    ['CONFIRM', true, 'write `/terminate confirm` or `/terminate cancel`.'],
    ['cancel', 'write `/terminate confirm` or `/terminate cancel`.', true],
    [
      '',
      'write `/terminate confirm` or `/terminate cancel`.',
      'write `/terminate confirm` or `/terminate cancel`.',
    ],
  ])('/terminate %s → confirm %s, cancel %s', (arg, confirm, cancel) => {
    const raw = `/terminate ${arg}`.trim();
    const c = ctx({ command: { name: 'terminate', args: arg ? [arg] : [], raw, rest: arg } });
    expect(exitGuards.argumentIsConfirm?.(c)).toBe(confirm);
    expect(exitGuards.argumentIsCancel?.(c)).toBe(cancel);
  });
});
