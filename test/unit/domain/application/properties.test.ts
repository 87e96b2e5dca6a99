import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXPERIENCE_KEYS,
  type FieldKey,
  parseApplication,
  type RawApplication,
  validateApplication,
} from '../../../../src/domain/application/index.js';
import { CHAINS } from '../../../../src/domain/wallets/chains.js';
import { DEFAULT_RULES, FRESH_APPLICANT } from './support/examples.js';
import {
  type ApplicationAnswers,
  formValues,
  loadIssueForm,
  readFixture,
  renderGiteaForm,
  renderSeedMarkdown,
} from './support/render.js';

const form = loadIssueForm();
const FIXTURE_NAMES = ['complete-form.md', 'complete-seed.md', 'messy-seed.md', 'legacy-form.md'];
const fixtureLines = FIXTURE_NAMES.flatMap((name) => readFixture(name).split('\n'));

const MARKDOWN_FRAGMENTS = [
  '### ',
  '## ',
  '# ',
  '- **',
  '**',
  '__',
  ': ',
  '?',
  '```',
  '```bash',
  '~~~',
  '<!--',
  '-->',
  '_No response_',
  '- [x] ',
  '- [ ] ',
  '\r\n',
  '\n',
  '\n\n',
  '(',
  ')',
  '(e.g., ',
  '0x',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  '@',
  '#',
  '  ',
  '\t',
  'Yes / No',
  '~~No~~',
  '2 vCPU / 4GB RAM / 80GB SSD / 1TB bandwidth',
  '4,096 MB',
  '2026-11-20',
  '31/12/2026',
  '\u00A0',
  '\u200B',
  '🚀',
  'constructor',
  '__proto__',
];

/** Bodies assembled from pieces of real forms, so the parser's branches are actually reached. */
const formLikeBody = fc
  .array(fc.oneof(fc.constantFrom(...fixtureLines), fc.constantFrom(...MARKDOWN_FRAGMENTS), fc.string()), {
    maxLength: 60,
  })
  .chain((pieces) => fc.constantFrom('\n', '', '\r\n', ' ').map((separator) => pieces.join(separator)));

const anyBody = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  formLikeBody,
);

describe('never throws', () => {
  it('parseApplication returns answers for any string', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const raw = parseApplication(body);
        for (const value of Object.values(raw.values)) expect(value.trim()).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });

  it('validateApplication returns a result, and named problems, for any string', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const result = validateApplication(body, FRESH_APPLICANT, DEFAULT_RULES);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.field).not.toBe('');
            expect(problem.message).toMatch(/\.$/);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary });
const paragraph = fc.array(phrase, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const yesNo = fc.constantFrom('Yes', 'No', '') as fc.Arbitrary<'Yes' | 'No' | ''>;
const username = fc.stringMatching(/^@?[a-z][a-z0-9_]{0,10}[a-z0-9]$/);

const answers: fc.Arbitrary<ApplicationAnswers> = fc.record({
  handle: maybe(phrase),
  email: fc.oneof(
    fc.constantFrom('ada@example.org', 'not-an-email', ''),
    fc.tuple(word, word).map(([user, domain]) => `${user}@${domain}.org`),
  ),
  chatHandle: maybe(username),
  wallet: fc.constantFrom(
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
    'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    'garbage',
    '',
  ),
  chain: fc.constantFrom(...CHAINS, ''),
  timezone: fc.constantFrom('UTC', 'UTC+2', 'Europe/Berlin', 'America/New_York', ''),
  provider: maybe(phrase),
  location: maybe(phrase),
  vcpu: fc.integer({ min: 1, max: 16 }).map(String),
  ram: fc
    .tuple(fc.integer({ min: 1, max: 64 }), fc.constantFrom('GB', 'GiB', 'MB', 'gb'))
    .map(([amount, unit]) => `${unit === 'MB' ? amount * 512 : amount} ${unit}`),
  storage: fc
    .tuple(fc.integer({ min: 10, max: 400 }), fc.constantFrom('GB', 'GiB'))
    .map(([amount, unit]) => `${amount} ${unit}`),
  bandwidth: fc.constantFrom('1 TB', '20 TB/month', 'unmetered', '1 Gbit/s', '500 GB'),
  os: maybe(phrase),
  staticIp: yesNo,
  nodes: maybe(fc.integer({ min: 0, max: 12 }).map(String)),
  experience: fc.subarray([...EXPERIENCE_KEYS]),
  experienceText: maybe(paragraph),
  hoursPerWeek: maybe(fc.integer({ min: 1, max: 60 }).map(String)),
  uptime: yesNo,
  exitNotice: yesNo,
  sovereignty: yesNo,
  giteaUsername: maybe(username),
  priorWork: maybe(phrase),
  referredBy: maybe(username),
  improvementPlan: maybe(paragraph),
  signature: maybe(phrase),
  date: fc.constantFrom('2026-11-20', '20 Nov 2026', 'soon', ''),
});

/** Answers both formats write the same way (the template puts the node specs on one line). */
function comparable(raw: RawApplication): RawApplication {
  const separate: FieldKey[] = ['specs', 'vcpu', 'ramGb', 'diskGb', 'bandwidth'];
  const values = Object.fromEntries(
    Object.entries(raw.values).filter(([key]) => !separate.includes(key as FieldKey)),
  ) as RawApplication['values'];
  return { values, experience: raw.experience };
}

describe('the Gitea form and the markdown template agree', () => {
  it('an application written in both formats reads the same', () => {
    fc.assert(
      fc.property(answers, (application) => {
        const fromForm = renderGiteaForm(form, formValues(application));
        const fromTemplate = renderSeedMarkdown(application);
        expect(comparable(parseApplication(fromTemplate))).toEqual(comparable(parseApplication(fromForm)));
        expect(validateApplication(fromTemplate, FRESH_APPLICANT, DEFAULT_RULES)).toEqual(
          validateApplication(fromForm, FRESH_APPLICANT, DEFAULT_RULES),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the older Gitea rendering reads the same as the current one', () => {
    fc.assert(
      fc.property(answers, (application) => {
        const current = renderGiteaForm(form, formValues(application));
        const legacy = renderGiteaForm(form, formValues(application), { legacy: true });
        expect(parseApplication(legacy)).toEqual(parseApplication(current));
      }),
      { numRuns: 300 },
    );
  });
});

// Catastrophic backtracking would show as the test's timeout; speed itself is measured in `npm run bench`.
describe('answers hostile 64 KB bodies with problems, not a crash', () => {
  const KB64 = 64 * 1024;
  it.each([
    ['unclosed comments', '<!--'],
    ['bold markers', '- **a**b'],
    ['unclosed fences', '```\n'],
    ['numbers', '1,'],
    ['spec separators', '2 vCPU / '],
    ['headings', '### '],
  ])('%s', (_name, unit) => {
    const body = unit.repeat(Math.ceil(KB64 / unit.length));
    const result = validateApplication(body, FRESH_APPLICANT, DEFAULT_RULES);
    expect(result.ok).toBe(false);
  });
});
