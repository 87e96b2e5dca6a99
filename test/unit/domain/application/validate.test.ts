import { describe, expect, it } from 'vitest';
import {
  type ApplicationContext,
  type ApplicationRules,
  type Problem,
  validateApplication,
} from '../../../../src/domain/application/index.js';
import { ADA, ADA_APPLICATION, DEFAULT_RULES, FRESH_APPLICANT } from './support/examples.js';
import {
  type ApplicationAnswers,
  formValues,
  loadIssueForm,
  readFixture,
  renderGiteaForm,
} from './support/render.js';

const form = loadIssueForm();

function formBody(changes: Partial<ApplicationAnswers> = {}): string {
  return renderGiteaForm(form, formValues({ ...ADA, ...changes }));
}

function problemsOf(
  body: string,
  context: ApplicationContext = FRESH_APPLICANT,
  rules: ApplicationRules = DEFAULT_RULES,
): Problem[] {
  const result = validateApplication(body, context, rules);
  return result.ok ? [] : result.problems;
}

function expectValid(body: string, context: ApplicationContext = FRESH_APPLICANT): void {
  expect(problemsOf(body, context)).toEqual([]);
}

describe('every required answer, missing', () => {
  const required = form.body.filter((item) => item.type !== 'markdown' && item.validations?.required);

  it('covers the form', () => {
    // 23: prior work is not required by the program (issue #16).
    expect(required).toHaveLength(23);
  });

  it.each(required.map((item) => [item.attributes.label ?? '', item] as const))(
    '%s removed from the form: exactly that problem',
    (label, item) => {
      const without = { ...form, body: form.body.filter((other) => other !== item) };
      const problems = problemsOf(renderGiteaForm(without, formValues(ADA)));
      expect(problems).toEqual([
        { field: label, message: expect.stringMatching(/^This answer is missing — .+\.$/) },
      ]);
    },
  );

  it.each(required.map((item) => [item.attributes.label ?? '', item.id ?? ''] as const))(
    '%s left blank (_No response_): exactly that problem',
    (label, id) => {
      const body = renderGiteaForm(form, { ...formValues(ADA), [id]: '' });
      expect(body).toContain(`### ${label}\n\n_No response_\n`);
      expect(problemsOf(body)).toEqual([{ field: label, message: expect.stringContaining('missing') }]);
    },
  );

  it('names every missing answer at once in an empty form', () => {
    const problems = problemsOf(renderGiteaForm(form, {}));
    expect(problems.map((problem) => problem.field)).toEqual(required.map((item) => item.attributes.label));
  });

  it('needs no referrer, improvement plan or experience box', () => {
    expectValid(formBody({ referredBy: '', improvementPlan: '', experience: [] }));
  });
});

describe('hardware minimums per node', () => {
  it.each([
    [
      { vcpu: '1' },
      'vCPU',
      '1 vCPU is below the 2 vCPU minimum per node — upgrade the node or apply with a larger plan.',
    ],
    [
      { ram: '3.9 GB' },
      'RAM',
      '3.9 GB is below the 4 GB minimum per node — upgrade the node or apply with a larger plan.',
    ],
    [
      { ram: '2 GB' },
      'RAM',
      '2 GB is below the 4 GB minimum per node — upgrade the node or apply with a larger plan.',
    ],
    [
      { ram: '3993 MB' },
      'RAM',
      '3.9 GB is below the 4 GB minimum per node — upgrade the node or apply with a larger plan.',
    ],
    [
      { storage: '49 GB' },
      'Storage',
      '49 GB is below the 50 GB SSD minimum per node — upgrade the node or apply with a larger plan.',
    ],
  ])('%j is refused', (changes, field, message) => {
    expect(problemsOf(formBody(changes))).toEqual([{ field, message }]);
  });

  it.each([{ vcpu: '2' }, { ram: '4 GB' }, { ram: '4096 MB' }, { storage: '50 GB' }, { storage: '0.05 TB' }])(
    '%j is enough',
    (changes) => {
      expectValid(formBody(changes));
    },
  );

  it('takes the minimums from the rules', () => {
    const stricter = { ...DEFAULT_RULES, minHardware: { vcpu: 8, ramGb: 16, diskGb: 200 } };
    expect(problemsOf(formBody(), FRESH_APPLICANT, stricter).map((problem) => problem.field)).toEqual([
      'vCPU',
      'RAM',
      'Storage',
    ]);
  });

  it.each([
    [{ vcpu: 'fast' }, 'vCPU', 'is not a number of vCPUs'],
    [{ ram: 'plenty' }, 'RAM', 'is not a size I can read'],
  ])('%j is unreadable', (changes, field, message) => {
    expect(problemsOf(formBody(changes))).toEqual([{ field, message: expect.stringContaining(message) }]);
  });
});

describe('number of nodes', () => {
  it.each(['1', '10', '10 nodes'])('%j is allowed', (nodes) => {
    expectValid(formBody({ nodes }));
  });

  it('refuses 11 against the maximum of 10', () => {
    expect(problemsOf(formBody({ nodes: '11' }))).toEqual([
      {
        field: 'Number of Nodes',
        message: '11 nodes is more than the 10-node maximum per operator — apply with at most 10 nodes.',
      },
    ]);
  });

  it.each(['0', '-1'])('refuses %j', (nodes) => {
    expect(problemsOf(formBody({ nodes }))).toEqual([
      { field: 'Number of Nodes', message: expect.stringContaining('fewer than the minimum of 1') },
    ]);
  });

  it('refuses a count that is not whole', () => {
    expect(problemsOf(formBody({ nodes: 'a few' }))[0]?.message).toContain('is not a whole number of nodes');
  });

  it('takes the maximum from the rules', () => {
    expect(
      problemsOf(formBody({ nodes: '3' }), FRESH_APPLICANT, { ...DEFAULT_RULES, maxNodes: 2 }),
    ).toHaveLength(1);
  });
});

describe('commitments, signature and date', () => {
  it.each([
    ['uptime', 'Can maintain 99.5% uptime?'],
    ['exitNotice', 'Agree to 30-day notice for exit?'],
    ['sovereignty', 'Agree to sovereign AI principles (no data exfiltration)?'],
  ] as const)('a No to %s is refused', (key, field) => {
    expect(problemsOf(formBody({ [key]: 'No' }))).toEqual([
      { field, message: expect.stringContaining('this commitment is required to join the program') },
    ]);
  });

  it('asks to keep one answer when the template\'s "Yes / No" is left as it is', () => {
    const body = readFixture('complete-seed.md').replace('- **Static IP**: Yes', '- **Static IP**: Yes / No');
    expect(problemsOf(body)).toEqual([
      {
        field: 'Static IP',
        message: '`Yes / No` gives both answers — keep only the one that applies, Yes or No.',
      },
    ]);
  });

  it('a Static IP answered No is fine', () => {
    expect(problemsOf(formBody({ staticIp: 'No' }))).toEqual([]);
  });

  it.each(['20 Nov 2026', 'November 20, 2026', '20.11.2026'])('reads the date %j', (date) => {
    const result = validateApplication(formBody({ date }), FRESH_APPLICANT, DEFAULT_RULES);
    expect(result.ok && result.application.signedOn).toBe('2026-11-20');
  });

  it.each(['soon', '03/04/2026', '31 April 2026'])('refuses the date %j', (date) => {
    expect(problemsOf(formBody({ date }))).toEqual([
      {
        field: 'Date',
        message: expect.stringContaining('is not a date I can read — write it as YYYY-MM-DD'),
      },
    ]);
  });
});

describe('contact details and usernames', () => {
  it.each(['ada', 'ada@', 'ada@example', 'ada example.org'])('refuses the email %j', (email) => {
    expect(problemsOf(formBody({ email }))).toEqual([
      { field: 'Contact Email', message: expect.stringContaining('does not look like an email address') },
    ]);
  });

  it.each(['-ada', 'ada!', 'ada$'])('refuses the Gitea username %j', (giteaUsername) => {
    expect(problemsOf(formBody({ giteaUsername }))).toEqual([
      { field: 'Gitea Username', message: expect.stringContaining('is not a valid Gitea username') },
    ]);
  });

  it.each(['None', 'n/a', '-'])('takes %j as no referrer', (referredBy) => {
    const result = validateApplication(formBody({ referredBy }), FRESH_APPLICANT, DEFAULT_RULES);
    expect(result.ok && result.application.referredBy).toBeUndefined();
  });

  it('quotes the applicant in a code span, so a bad answer cannot mention anyone', () => {
    const [problem] = problemsOf(formBody({ referredBy: '@grace!' }));
    expect(problem).toEqual({
      field: 'Referred by',
      message:
        "`@\u200bgrace!` is not a valid Gitea username — write the partner's Gitea username, e.g. @alice.",
    });
  });
});

describe('wallet and chain', () => {
  it('accepts a lowercase EVM address (no checksum to check)', () => {
    const result = validateApplication(
      formBody({ wallet: ADA.wallet.toLowerCase() }),
      FRESH_APPLICANT,
      DEFAULT_RULES,
    );
    expect(result.ok && result.application.wallet).toBe(ADA.wallet.toLowerCase());
  });

  it('refuses a mixed-case address whose EIP-55 checksum fails', () => {
    expect(problemsOf(formBody({ wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' }))).toEqual([
      {
        field: 'Wallet Address (USDC/USDT)',
        message:
          '`0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD` fails its EIP-55 checksum, so a character is probably mistyped — copy the address again from your wallet.',
      },
    ]);
  });

  it('says when the address belongs to another chain', () => {
    expect(problemsOf(formBody({ chain: 'tron' }))).toEqual([
      {
        field: 'Wallet Address (USDC/USDT)',
        message: expect.stringContaining('is an EVM (0x…) address, not a Tron one'),
      },
    ]);
  });

  it('explains the format of the chosen chain', () => {
    expect(problemsOf(formBody({ chain: 'solana', wallet: 'my-wallet' }))[0]?.message).toBe(
      '`my-wallet` is not a valid Solana address — a Solana address is 32 to 44 base58 characters.',
    );
  });

  it('refuses a chain outside the list', () => {
    const body = readFixture('complete-seed.md').replace('- **Chain**: base', '- **Chain**: BSC');
    expect(problemsOf(body)).toEqual([
      {
        field: 'Wallet Chain',
        message:
          '`BSC` is not one of the supported chains — choose exactly one of ethereum, base, polygon, arbitrum, optimism, solana, tron.',
      },
    ]);
  });

  it('finds the chain named on the wallet line when there is no chain answer', () => {
    const body = readFixture('complete-seed.md')
      .replace('- **Chain**: base\n', '')
      .replace(ADA.wallet, `${ADA.wallet} (USDC on Base)`);
    const result = validateApplication(body, FRESH_APPLICANT, DEFAULT_RULES);
    expect(result).toEqual({ ok: true, application: ADA_APPLICATION });
  });
});

describe('one open application per applicant', () => {
  it('names the other open application', () => {
    expect(problemsOf(formBody(), { ...FRESH_APPLICANT, otherOpenApplications: [12] })).toEqual([
      {
        field: 'Application',
        message:
          'You already have an open application (#12) — continue there and close this one, or close it first.',
      },
    ]);
  });

  it('names all of them', () => {
    expect(
      problemsOf(formBody(), { ...FRESH_APPLICANT, otherOpenApplications: [31, 12] })[0]?.message,
    ).toContain('(#12, #31)');
  });
});

describe('re-application after a termination', () => {
  const terminated = (now: string): ApplicationContext => ({
    now: new Date(now),
    otherOpenApplications: [],
    lastTerminatedAt: new Date('2026-05-21T15:00:00Z'),
  });
  const plan = 'I moved my nodes to a second provider and set up paging alerts for every critical alert.';

  it('refuses one day before the 6 months are over, with the date to reapply from', () => {
    expect(problemsOf(formBody({ improvementPlan: plan }), terminated('2026-11-20T23:59:00Z'))).toEqual([
      {
        field: 'Application',
        message:
          'You were terminated on 2026-05-21 and may reapply from 2026-11-21 — close this application and apply again then, with an improvement plan.',
      },
    ]);
  });

  it.each(['2026-11-21T00:00:00Z', '2026-11-22T12:00:00Z'])(
    'accepts on or after the day (%s) with a plan',
    (now) => {
      expectValid(formBody({ improvementPlan: plan }), terminated(now));
    },
  );

  it('requires an improvement plan after the 6 months', () => {
    expect(problemsOf(formBody(), terminated('2026-11-22T12:00:00Z'))).toEqual([
      {
        field: 'Improvement plan (re-applications only)',
        message: expect.stringContaining('so a re-application needs an improvement plan'),
      },
    ]);
  });

  it('takes the waiting time from the rules', () => {
    const rules = { ...DEFAULT_RULES, reapplyAfterMonths: 12 };
    expect(
      problemsOf(formBody({ improvementPlan: plan }), terminated('2026-11-22T12:00:00Z'), rules)[0]?.message,
    ).toContain('may reapply from 2027-05-21');
  });

  it('keeps an improvement plan given without a termination', () => {
    const result = validateApplication(formBody({ improvementPlan: plan }), FRESH_APPLICANT, DEFAULT_RULES);
    expect(result.ok && result.application.improvementPlan).toBe(plan);
  });
});

describe('all problems at once', () => {
  it('lists every problem, application-wide ones first, then in the order of the form', () => {
    const body = formBody({
      email: 'not-an-email',
      vcpu: '1',
      ram: '2 GB',
      nodes: '0',
      sovereignty: 'No',
      signature: '',
    });
    const problems = problemsOf(body, { ...FRESH_APPLICANT, otherOpenApplications: [7] });
    expect(problems.map((problem) => problem.field)).toEqual([
      'Application',
      'Contact Email',
      'vCPU',
      'RAM',
      'Number of Nodes',
      'Agree to sovereign AI principles (no data exfiltration)?',
      'Signature (type your name)',
    ]);
    for (const problem of problems) expect(problem.message).toMatch(/^[^\n]+[.]$/);
  });
});
