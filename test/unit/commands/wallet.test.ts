import { describe, expect, it } from 'vitest';
import { PROGRAM_COMMANDS } from '../../../src/commands/program.js';
import { defaultProgramConfig } from '../../../src/config/program.js';
import type { Role } from '../../../src/engine/definition.js';
import type { Effect } from '../../../src/engine/effects.js';
import { programCommandEffects } from '../../support/commands.js';
import { botEvent } from '../../support/events.js';
import { activeOperator } from '../../support/workflows.js';

const AT = '2026-11-25T10:00:00.000Z';
const ETH_WALLET = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const run = (body: string, roles: Role[] = ['maintainer'], paidMonths: string[] = []) =>
  programCommandEffects({
    commands: PROGRAM_COMMANDS,
    claimed: new Set(),
    event: botEvent({
      kind: 'comment.created',
      actor: 'maint',
      at: AT,
      comment: { id: 57, body, createdAt: AT },
    }),
    config: defaultProgramConfig(),
    facts: {
      otherOpenIssues: [],
      mentioned: { bob: activeOperator('bob') },
      actorReportWeeks: {},
      paidMonths,
    },
    roles: new Set<Role>(['anyone', ...roles]),
  });
const answer = (effects: Effect[]) =>
  (effects.find((e) => e.type === 'reply') as { body: string } | undefined)?.body ?? '';
const recorded = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'recordOperatorEvent' ? [e.event] : []));

describe('/wallet', () => {
  it.each([
    [`/wallet @bob ${ETH_WALLET}`, 'base', '2026-11-25'],
    [`/wallet @bob ${ETH_WALLET} ethereum from 2026-11-15`, 'ethereum', '2026-11-15'],
    [`/wallet @bob ${ETH_WALLET} 2026-12-01`, 'base', '2026-12-01'],
  ])('%s pays bob on %s from %s', (body, chain, from) => {
    const effects = run(body);
    expect(recorded(effects)).toEqual([
      {
        id: 'wallet:fleet/program#7:57',
        type: 'wallet',
        at: AT,
        by: 'maint',
        wallet: ETH_WALLET,
        chain,
        from,
      },
    ]);
    expect(answer(effects)).toContain(`to \`${ETH_WALLET}\` for the days from ${from} on`);
  });

  it.each([
    ['/wallet @bob', 'give the new address'],
    ['/wallet @bob 0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359', 'checksum error'],
    [`/wallet @bob ${ETH_WALLET} solana`, 'is not an address on Solana'],
    [`/wallet @bob ${ETH_WALLET} from 2026-09-30`, 'from 2026-10-01 at the earliest'],
    [`/wallet @carol ${ETH_WALLET}`, '`@\u200bcarol` is not an operator on the program'],
  ])('%s is refused, naming the fix (%s)', (body, reason) => {
    const effects = run(body);
    expect(recorded(effects)).toEqual([]);
    expect(answer(effects)).toContain(reason);
  });

  it('once October is paid, pay of its days cannot be redirected; from November it can', () => {
    const refused = run(`/wallet @bob ${ETH_WALLET} from 2026-10-20`, ['maintainer'], ['2026-10']);
    expect(recorded(refused)).toEqual([]);
    expect(answer(refused)).toContain('2026-10 is paid and closed, so a change cannot take effect in it');
    expect(
      recorded(run(`/wallet @bob ${ETH_WALLET} from 2026-11-01`, ['maintainer'], ['2026-10'])),
    ).toHaveLength(1);
  });

  it('is for maintainers only: an operator cannot redirect pay', () => {
    const effects = run(`/wallet @bob ${ETH_WALLET}`, ['operator']);
    expect(recorded(effects)).toEqual([]);
    expect(answer(effects)).toContain('only a maintainer');
  });
});
