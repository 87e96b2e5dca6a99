import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApplication, validateApplication } from '../../../../src/domain/application/index.js';
import { loadDelivery } from '../../../support/deliveries.js';
import { ADA, ADA_APPLICATION, DEFAULT_RULES, FRESH_APPLICANT } from './support/examples.js';
import {
  type ApplicationAnswers,
  formValues,
  loadIssueForm,
  renderGiteaForm,
  renderSeedMarkdown,
} from './support/render.js';

const form = loadIssueForm();
const formBody = (changes: Partial<Record<keyof ApplicationAnswers, unknown>> = {}, legacy = false) =>
  renderGiteaForm(form, formValues({ ...ADA, ...changes } as ApplicationAnswers), { legacy });
const validate = (body: string) => validateApplication(body, FRESH_APPLICANT, DEFAULT_RULES);

describe('form answers are read by their place in the form', () => {
  const uptimeStory =
    'Six years of fleets.\n### Uptime commitment at my last job\nWe kept 99.95% over two years.';

  it.each([false, true])(
    'a "### Uptime commitment…" line stays in Relevant Experience (legacy: %s)',
    (legacy) => {
      const body = formBody({ experienceText: uptimeStory }, legacy);
      expect(parseApplication(body).values.experienceText).toBe(uptimeStory);
      expect(validate(body)).toEqual({
        ok: true,
        application: { ...ADA_APPLICATION, experienceText: uptimeStory },
      });
    },
  );

  it('a "### Prior work" line inside Relevant Experience does not replace the prior-work answer', () => {
    const experienceText = 'Ran fleets.\n\n### Prior work\n\nMostly hosting, nothing for the Foundation.';
    const raw = parseApplication(formBody({ experienceText }));
    expect(raw.values.experienceText).toBe(experienceText);
    expect(raw.values.priorWork).toBe(ADA.priorWork);
  });
});

/** A Gitea rendering of an older version of the form, worded otherwise ("Relevant experience"). */
const fixtureBody = loadDelivery('issues-opened.json').issue.body;

describe('a form worded otherwise (an older version of the form) is read by place too', () => {
  it('reads the bundled issues-opened.json whole: specs on one line, "Signature and date"', () => {
    const result = validate(fixtureBody);
    expect(result.ok && result.application).toMatchObject({
      vcpu: 4,
      ramGb: 8,
      diskGb: 160,
      priorWork: 'None',
      signature: 'Alice Okafor',
      signedOn: '2025-03-03',
    });
  });

  it('keeps "### Uptime commitment at my last job" and "### Prior work" in Relevant experience', () => {
    const typed =
      'regional ISP.\n\n### Uptime commitment at my last job\n\nWe kept 99.95% over two years.\n\n### Prior work\n\nNone here.';
    const body = fixtureBody.replace('regional ISP.', typed);
    expect(body).toContain('### Uptime commitment at my last job');
    const result = validate(body);
    expect(result.ok && result.application.commitments.uptime).toBe(true);
    expect(result.ok && result.application.experienceText).toContain('We kept 99.95% over two years.');
    expect(result.ok && result.application.priorWork).toBe('None');
  });
});

describe("the seed's markdown template keeps such headings in the answer too", () => {
  it('reads "### Uptime commitment…" and "### Prior work" inside Relevant Experience as its text', () => {
    const experienceText =
      'Ran fleets.\n\n### Uptime commitment at my last job\n\nWe kept 99.95% over two years.\n\n### Prior work\n\nHosting only.';
    const body = renderSeedMarkdown({ ...ADA, experienceText });
    const raw = parseApplication(body);
    expect(raw.values.experienceText).toBe(experienceText);
    expect(raw.values.uptime).toBe('Yes');
    expect(raw.values.priorWork).toBe(ADA.priorWork);
  });
});

describe('long bodies', () => {
  it('an application longer than 64 KiB is told so by name, not only that answers are missing', () => {
    const body = formBody({ experienceText: 'Long story. '.repeat(6000) });
    const result = validate(body);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toEqual({
        field: 'Application',
        message: expect.stringMatching(/only its first 64 KB are read — shorten the longer answers\.$/),
      });
  });
});

describe('answers people did not choose', () => {
  it.each(['uptime', 'exitNotice', 'sovereignty', 'staticIp'] as const)(
    'the neutral first option "—" of %s (preselected by older Gitea) is no answer',
    (key) => {
      for (const legacy of [false, true]) {
        const body = formBody({ [key]: '—' }, legacy);
        expect(body).toMatch(legacy ? /- \[x\] —\n/ : /\n\n—\n/);
        const result = validate(body);
        expect(result.ok).toBe(false);
        if (!result.ok)
          expect(result.problems).toEqual([
            { field: expect.any(String), message: expect.stringContaining('missing') },
          ]);
      }
    },
  );

  it('an empty prior work or referred by (_No response_) reads as none and never blocks', () => {
    const body = formBody({ priorWork: '', referredBy: '' });
    expect(body).toContain('### Prior work with Timmy Foundation\n\n_No response_\n');
    expect(validate(body)).toEqual({
      ok: true,
      application: { ...ADA_APPLICATION, priorWork: 'None', referredBy: undefined },
    });
  });

  it('the bundled issues-opened.json delivery reads no heading as the referrer', () => {
    const result = validate(fixtureBody);
    const problems = result.ok ? [] : result.problems;
    expect(problems.filter((problem) => problem.field === 'Referred by')).toEqual([]);
    expect(JSON.stringify(problems)).not.toContain('### Signature');
  });
});

const TEXTAREAS = ['experienceText', 'priorWork', 'improvementPlan'] as const;
const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.%#@-]{0,8}$/);
const textLine = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
/** Heading lines people type in an answer: other questions' wordings, earlier labels, any text. */
const headingLine = fc
  .oneof(
    textLine,
    fc.constantFrom(
      'Uptime commitment at my last job',
      'Prior work',
      'Date',
      'Contact Email',
      'Name / Handle',
      'Experience',
      'Referred by',
      'Signature',
      'Can maintain 99.5% uptime?',
      // The label after each textarea (an input): Gitea's own heading comes right after.
      'Hours per week available',
      'Signature (type your name)',
    ),
  )
  .map((text) => `### ${text}`);
const textarea = fc
  .array(fc.oneof({ weight: 3, arbitrary: textLine }, { weight: 1, arbitrary: headingLine }), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((lines) => fc.constantFrom('\n', '\n\n').map((separator) => lines.join(separator)))
  .filter((text) => !text.startsWith('### ') && !nextLabelsInOrder(text));

/**
 * A textarea holding the next question's label and then another question's label, typed as in the
 * form, is ambiguous by nature (it reads like the following questions); the property leaves it out.
 */
function nextLabelsInOrder(text: string): boolean {
  const next = ['### Hours per week available', '### Signature (type your name)'];
  const lines = text.split('\n');
  const at = lines.findIndex((line) => next.includes(line));
  return at >= 0 && lines.slice(at + 1).some((line) => line.startsWith('### '));
}

describe('property: rendering answers as Gitea does and reading them gives them back', () => {
  it('holds for textareas holding ### lines', () => {
    fc.assert(
      fc.property(fc.tuple(textarea, textarea, textarea), fc.boolean(), (texts, legacy) => {
        const changes = Object.fromEntries(TEXTAREAS.map((key, index) => [key, texts[index]]));
        const raw = parseApplication(formBody(changes, legacy));
        for (const key of TEXTAREAS) expect(raw.values[key]).toBe(changes[key]);
        expect(raw.values.hoursPerWeek).toBe(ADA.hoursPerWeek);
        expect(raw.values.uptime).toBe('Yes');
        expect(raw.values.signedOn).toBe(ADA.date);
      }),
      { numRuns: 300 },
    );
  });
});
