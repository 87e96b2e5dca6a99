import { describe, expect, it } from 'vitest';
import {
  formatReportProblems,
  formatReportReply,
  parseReport,
  type WeeklyReport,
} from '../../../../src/domain/reports/index.js';

/** Wednesday of 2026-W48 (23–29 Nov): the previous week is 2026-W47. */
const NOW = new Date('2026-11-25T10:00:00Z');

const FULL: WeeklyReport = {
  week: '2026-W47',
  uptimePercent: 99.7,
  tasksCompleted: 42,
  tasksDispatched: 44,
  cpuPercent: 35,
  memPercent: 60,
  diskPercent: 70,
};

function parsed(text: string, now = NOW): WeeklyReport {
  const result = parseReport(text, now);
  if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.problems)}`);
  return result.report;
}

function problemsOf(text: string, now = NOW) {
  const result = parseReport(text, now);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.report)}`);
  return result.problems;
}

describe('parseReport: good reports', () => {
  const cases: [string, string, WeeklyReport][] = [
    ['the one-line form', 'uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70', FULL],
    [
      'only the required keys',
      'uptime=99.7 tasks=42/44',
      { week: '2026-W47', uptimePercent: 99.7, tasksCompleted: 42, tasksDispatched: 44 },
    ],
    [
      'week and a trailing note',
      'uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70 week=2026-W45 rebooted once for a kernel update',
      { ...FULL, week: '2026-W45', note: 'rebooted once for a kernel update' },
    ],
    [
      'the note going on over the rest of the comment',
      'uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70 gateway restarted\nTuesday,   twice.\n\nAll good since.',
      { ...FULL, note: 'gateway restarted Tuesday, twice. All good since.' },
    ],
    [
      'messy spacing, % signs, uppercase keys',
      '   UPTIME=99.7%    Tasks=42/44   CPU = 35 %  Mem= 60%   DISK =70%  ',
      FULL,
    ],
    ['tasks written with spaces', 'uptime=99.7 tasks=42 / 44 cpu=35 mem=60 disk=70', FULL],
    ['memory and ram for mem', 'uptime=99.7 tasks=42/44 cpu=35 memory=60 disk=70', FULL],
    ['ram=… too', 'uptime=99.7 tasks=42/44 cpu=35 RAM=60 disk=70', FULL],
    ['the command itself at the start', '/report uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70', FULL],
    [
      'a lowercase week without the hyphen',
      'uptime=99.7 tasks=42/44 week=2026w46',
      { ...FULL, week: '2026-W46', cpuPercent: undefined, memPercent: undefined, diskPercent: undefined },
    ],
    [
      'no tasks dispatched',
      'uptime=100 tasks=0/0',
      { week: '2026-W47', uptimePercent: 100, tasksCompleted: 0, tasksDispatched: 0 },
    ],
    [
      'zero uptime',
      'uptime=0 tasks=0/3',
      { week: '2026-W47', uptimePercent: 0, tasksCompleted: 0, tasksDispatched: 3 },
    ],
    [
      'note= takes the rest of the line verbatim, pairs included',
      'uptime=99.7 tasks=42/44 note=set vm.swappiness=10 and cpu=35 on node-2',
      {
        week: '2026-W47',
        uptimePercent: 99.7,
        tasksCompleted: 42,
        tasksDispatched: 44,
        note: 'set vm.swappiness=10 and cpu=35 on node-2',
      },
    ],
    [
      'a known pair after prose still counts',
      'uptime=99.7 tasks=42/44 kernel update, cpu=35',
      {
        week: '2026-W47',
        uptimePercent: 99.7,
        tasksCompleted: 42,
        tasksDispatched: 44,
        cpuPercent: 35,
        note: 'kernel update,',
      },
    ],
    [
      'an unknown pair after prose is part of the note',
      'uptime=99.7 tasks=42/44 tuned MaxRetries=3 on the gateway',
      {
        week: '2026-W47',
        uptimePercent: 99.7,
        tasksCompleted: 42,
        tasksDispatched: 44,
        note: 'tuned MaxRetries=3 on the gateway',
      },
    ],
    [
      'the multi-line form a script prints',
      '\nuptime: 99.7%\ntasks: 42/44\ncpu: 35%\nmem: 60%\ndisk: 70%\nweek: 2026-W47\nnote: all nodes patched',
      { ...FULL, note: 'all nodes patched' },
    ],
    [
      'the multi-line form with CRLF, uppercase keys, spaces, bullets and bold',
      '/report\r\n  - **Uptime:** 99.7 %\r\n- TASKS :  42 / 44\r\n* **CPU**: 35\r\nMemory: 60%\r\ndisk:70\r\nNOTE: patched\r\nnothing else to say\r\n',
      { ...FULL, note: 'patched nothing else to say' },
    ],
    [
      'the multi-line form inside a code fence',
      '\n```\nuptime: 99.7%\ntasks: 42/44\ncpu: 35%\nmem: 60%\ndisk: 70%\n```\n',
      FULL,
    ],
    [
      'prose lines with a colon are the note',
      '\nSummary: quiet week\nuptime: 99.7%\ntasks: 42/44\nSee https://status.example.org for details',
      {
        week: '2026-W47',
        uptimePercent: 99.7,
        tasksCompleted: 42,
        tasksDispatched: 44,
        note: 'Summary: quiet week See https://status.example.org for details',
      },
    ],
    [
      'both forms mixed',
      'week=2026-W46\nuptime: 99.7\ntasks=42/44 cpu=35\nmem: 60\ndisk: 70',
      { ...FULL, week: '2026-W46' },
    ],
    [
      'the report ends at the next command',
      'uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70\n/ack\nthis belongs to /ack',
      FULL,
    ],
    [
      'bold text in a note line stays',
      'uptime: 99.7\ntasks: 42/44\nnote: **gateway** replaced',
      {
        week: '2026-W47',
        uptimePercent: 99.7,
        tasksCompleted: 42,
        tasksDispatched: 44,
        note: '**gateway** replaced',
      },
    ],
    ['trailing commas', 'uptime=99.7, tasks=42/44, cpu=35, mem=60, disk=70', FULL],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(parsed(text)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('keeps decimals exactly and turns -0 into 0', () => {
    expect(parsed('uptime=99.995 tasks=1/1 cpu=-0 mem=.5 disk=7.').cpuPercent).toBe(0);
    expect(parsed('uptime=99.995 tasks=1/1 mem=.5 disk=7.')).toMatchObject({
      uptimePercent: 99.995,
      memPercent: 0.5,
      diskPercent: 7,
    });
    expect(Object.is(parsed('uptime=-0 tasks=1/1').uptimePercent, 0)).toBe(true);
  });
});

describe('parseReport: each bad value is named with its fix', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'uptime above 100',
      'uptime=101 tasks=42/44',
      'uptime',
      /`101` is more than 100 — write uptime=PERCENT from 0 to 100/,
    ],
    [
      'uptime not a number',
      'uptime=high tasks=42/44',
      'uptime',
      /`high` is not a number — write uptime=PERCENT/,
    ],
    ['uptime with a decimal comma', 'uptime=99,7 tasks=42/44', 'uptime', /`99,7` is not a number/],
    ['uptime without a value', 'uptime= tasks=42/44', 'uptime', /no value was given — write uptime=PERCENT/],
    ['uptime in exponent notation', 'uptime=1e2 tasks=42/44', 'uptime', /`1e2` is not a number/],
    [
      'more completed than dispatched',
      'uptime=99.7 tasks=45/44',
      'tasks',
      /^45 completed is more than 44 dispatched — write tasks=COMPLETED\/DISPATCHED\.$/,
    ],
    [
      'tasks not numbers',
      'uptime=99.7 tasks=abc',
      'tasks',
      /`abc` is not two whole numbers — write tasks=COMPLETED\/DISPATCHED, e.g. tasks=42\/44/,
    ],
    [
      'tasks as one number',
      'uptime=99.7 tasks=42',
      'tasks',
      /`42` gives one number, not two — write tasks=COMPLETED\/DISPATCHED/,
    ],
    ['tasks with a fraction', 'uptime=99.7 tasks=4.5/44', 'tasks', /`4.5\/44` is not two whole numbers/],
    ['negative tasks', 'uptime=99.7 tasks=-1/44', 'tasks', /`-1\/44` is not two whole numbers/],
    ['tasks too large', 'uptime=99.7 tasks=1/99999999999999999999', 'tasks', /too large to be a task count/],
    [
      "tasks above a week's most (a month's sum must stay a safe integer)",
      'uptime=99.7 tasks=1000001/1000001',
      'tasks',
      /`1000001\/1000001` is too large to be a task count \(at most 1,000,000 a week\) — write tasks=COMPLETED\/DISPATCHED/,
    ],
    [
      'tasks of the largest safe integer',
      'uptime=99.7 tasks=9007199254740991/9007199254740991',
      'tasks',
      /too large to be a task count/,
    ],
    [
      'cpu below 0',
      'uptime=99.7 tasks=42/44 cpu=-1',
      'cpu',
      /`-1` is below 0 — write cpu=PERCENT from 0 to 100, e.g. cpu=35/,
    ],
    [
      'mem not a number',
      'uptime=99.7 tasks=42/44 mem=lots',
      'mem',
      /`lots` is not a number — write mem=PERCENT/,
    ],
    [
      'disk above 100',
      'uptime=99.7 tasks=42/44 disk=100.5',
      'disk',
      /`100.5` is more than 100 — write disk=PERCENT/,
    ],
    [
      'an unknown key',
      'uptime=99.7 tasks=42/44 latency=20',
      'latency',
      /`latency` is not a report key — use uptime, tasks, cpu, mem, disk and week, and put free text after note=/,
    ],
    [
      'a misspelt key in the multi-line form',
      'uptime: 99.7%\ntasks: 42/44\ndsk: 70%',
      'dsk',
      /`dsk` is not a report key/,
    ],
    [
      'a week in the future',
      'uptime=99.7 tasks=42/44 week=2026-W50',
      'week',
      /^2026-W50 is in the future — report a finished week, e.g. week=2026-W47, or leave week out/,
    ],
    [
      'the current week, not ended yet',
      'uptime=99.7 tasks=42/44 week=2026-W48',
      'week',
      /^2026-W48 has not ended yet \(it ends on Sunday 2026-11-29\) — a report covers a finished week: send this one from Monday 2026-11-30, or report an earlier week, e.g. week=2026-W47/,
    ],
    [
      'W53 in a 52-week year',
      'uptime=99.7 tasks=42/44 week=2025-W53',
      'week',
      /^2025 has only 52 ISO weeks, so 2025-W53 does not exist — write week=YYYY-Www/,
    ],
    [
      'W00',
      'uptime=99.7 tasks=42/44 week=2026-W00',
      'week',
      /`2026-W00` does not exist: ISO weeks run from W01 to W52 or W53/,
    ],
    ['W54', 'uptime=99.7 tasks=42/44 week=2026-W54', 'week', /`2026-W54` does not exist/],
    [
      'a date instead of a week',
      'uptime=99.7 tasks=42/44 week=2026-11-16',
      'week',
      /`2026-11-16` is not an ISO week — write week=YYYY-Www/,
    ],
    [
      'a key given twice',
      'uptime=99.7 tasks=42/44 uptime=98',
      'uptime',
      /uptime is given twice \(`99.7` and `98`\) — give it once/,
    ],
  ];

  it.each(cases)('%s', (_name, text, field, message) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toMatch(message);
  });

  it('names the two required keys when they are missing', () => {
    expect(problemsOf('')).toEqual([
      {
        field: 'uptime',
        message: 'uptime is missing — write uptime=PERCENT from 0 to 100, e.g. uptime=99.7.',
      },
      { field: 'tasks', message: 'tasks is missing — write tasks=COMPLETED/DISPATCHED, e.g. tasks=42/44.' },
    ]);
    expect(problemsOf('cpu=35 mem=60 all fine').map((problem) => problem.field)).toEqual(['uptime', 'tasks']);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf('uptime=101 tasks=45/44 cpu=-1 mem=60 disk=x foo=bar week=2025-W53');
    expect(problems.map((problem) => problem.field)).toEqual([
      'uptime',
      'tasks',
      'cpu',
      'disk',
      'week',
      'foo',
    ]);
  });

  it('names an unknown key once, and at most five of them', () => {
    expect(problemsOf('uptime=99 tasks=1/1 a=1 A=2 b=3').map((problem) => problem.field)).toEqual(['a', 'b']);
    const problems = problemsOf(
      `uptime=99 tasks=1/1 ${'abcdefgh'
        .split('')
        .map((key) => `${key}=1`)
        .join(' ')}`,
    );
    expect(problems.map((problem) => problem.field)).toEqual(['a', 'b', 'c', 'd', 'e', 'report']);
    expect(problems[5]?.message).toBe(
      '3 more words written key=value are not report keys either — put free text after note=.',
    );
  });

  it('refuses a note longer than the limit', () => {
    const problems = problemsOf(`uptime=99 tasks=1/1 note=${'x'.repeat(2001)}`);
    expect(problems).toEqual([
      { field: 'note', message: 'the note is 2001 characters long — keep it to 2000 characters.' },
    ]);
  });

  it('quotes bad values in a code span: no markdown, no mentions, not too long', () => {
    const [problem] = problemsOf(`uptime=\`@everyone\`${'9'.repeat(80)} tasks=1/1`);
    // A code span one backtick longer than the longest run inside (CommonMark), the mention broken.
    expect(problem?.message).toMatch(/^`` `@\u200beveryone`9+… `` is not a number/);
    expect(problem?.message.length).toBeLessThan(160);
  });
});

describe('parseReport: the week', () => {
  const cases: [string, string, string][] = [
    ['mid-week', '2026-11-25T10:00:00Z', '2026-W47'],
    ['Sunday night', '2026-11-29T23:59:59Z', '2026-W47'],
    ['Monday 00:00 UTC', '2026-11-30T00:00:00Z', '2026-W48'],
    ['Monday 09:00 UTC, when reports are due', '2026-11-30T09:00:00Z', '2026-W48'],
    ['first Monday of 2027: the previous week is 2026-W53', '2027-01-04T00:00:00Z', '2026-W53'],
    ['New Year 2027 (still 2026-W53)', '2027-01-01T12:00:00Z', '2026-W52'],
    ['New Year 2026, a Thursday in 2026-W01', '2026-01-01T12:00:00Z', '2025-W52'],
    ['second Monday of 2026', '2026-01-05T09:00:00Z', '2026-W01'],
  ];

  it.each(cases)('defaults to the previous ISO week: %s', (_name, now, week) => {
    expect(parsed('uptime=99.7 tasks=42/44', new Date(now)).week).toBe(week);
  });

  it('accepts 2026-W53 (2026 has 53 ISO weeks) once it has ended', () => {
    const monday = new Date('2027-01-04T00:00:00Z');
    expect(parsed('uptime=99.7 tasks=42/44 week=2026-W53', monday).week).toBe('2026-W53');
    expect(
      problemsOf('uptime=99.7 tasks=42/44 week=2026-W53', new Date('2027-01-03T23:59:59Z'))[0]?.message,
    ).toMatch(/^2026-W53 has not ended yet \(it ends on Sunday 2027-01-03\)/);
    expect(problemsOf('uptime=99.7 tasks=42/44 week=2027-W01', monday)[0]?.message).toMatch(
      /has not ended yet/,
    );
  });

  it('accepts any finished past week', () => {
    expect(parsed('uptime=99.7 tasks=42/44 week=2020-W53').week).toBe('2020-W53');
  });
});

describe('parseReport never throws', () => {
  it.each([
    '',
    '=',
    '==',
    '= = =',
    'uptime',
    'uptime=',
    'uptime = = 3',
    'tasks=/',
    'tasks=42/',
    'tasks=42 /',
    'note=',
    ':',
    '**:**',
    '\u0000\u2028\r\r\n',
    'constructor=1 __proto__=2 toString: 3',
  ])('%j', (text) => {
    expect(() => parseReport(text, NOW)).not.toThrow();
  });

  // Speed is the bench's (npm run bench -- --only=parse); a quadratic regression fails here by the timeout.
  it('a 100 000-character comment is read without hanging (fails only by its timeout)', {
    timeout: 10_000,
  }, () => {
    expect(() =>
      parseReport(`uptime=9 tasks=1/1 ${'x='.repeat(25_000)} ${'a: '.repeat(10_000)}`, NOW),
    ).not.toThrow();
    expect(() => parseReport('x'.repeat(100_000), NOW)).not.toThrow();
  });

  it('names a misspelt key and the key it misses', () => {
    expect(problemsOf('uptme: 99.7%\ntasks: 42/44').map((problem) => problem.field)).toEqual([
      'uptime',
      'uptme',
    ]);
  });

  it('does not take keys from the object prototype', () => {
    expect(problemsOf('uptime=99 tasks=1/1 constructor=1').map((problem) => problem.field)).toEqual([
      'constructor',
    ]);
  });
});

describe('replies', () => {
  it('echoes what was recorded in one paragraph', () => {
    const reply = formatReportReply({ ...FULL, note: 'all good, thanks @alice' }, false);
    expect(reply).toBe(
      'Recorded the report for **2026-W47** (2026-11-16 – 2026-11-22): uptime 99.7%, tasks 42/44 completed (95.5%), CPU 35%, memory 60%, disk 70%. Note: `all good, thanks @\u200balice`.',
    );
    expect(reply).not.toContain('\n');
  });

  it('says when it replaces an earlier report', () => {
    const reply = formatReportReply(
      { week: '2026-W47', uptimePercent: 98, tasksCompleted: 0, tasksDispatched: 0 },
      true,
    );
    expect(reply).toBe(
      'Recorded the report for **2026-W47** (2026-11-16 – 2026-11-22): uptime 98%, tasks 0/0 completed. This replaces the earlier report for that week.',
    );
  });

  it('lists every problem with an example', () => {
    const text = formatReportProblems(problemsOf('uptime=101 tasks=45/44'));
    expect(text).toBe(
      [
        'The report was not recorded:',
        '- **uptime**: `101` is more than 100 — write uptime=PERCENT from 0 to 100, e.g. uptime=99.7.',
        '- **tasks**: 45 completed is more than 44 dispatched — write tasks=COMPLETED/DISPATCHED.',
        '',
        'For example: `/report uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70`',
      ].join('\n'),
    );
  });
});
