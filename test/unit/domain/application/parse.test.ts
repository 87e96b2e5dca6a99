import { describe, expect, it } from 'vitest';
import {
  type Application,
  parseApplication,
  validateApplication,
} from '../../../../src/domain/application/index.js';
import {
  ADA,
  ADA_APPLICATION,
  DEFAULT_RULES,
  FRESH_APPLICANT,
  GRACE_APPLICATION,
  LEGACY_APPLICATION,
} from './support/examples.js';
import { formValues, loadIssueForm, readFixture, renderGiteaForm } from './support/render.js';

function validApplication(body: string): Application {
  const result = validateApplication(body, FRESH_APPLICANT, DEFAULT_RULES);
  if (!result.ok)
    throw new Error(`expected a valid application, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.application;
}

describe('realistic application bodies', () => {
  it('complete-form.md is exactly what Gitea renders from the issue form', () => {
    expect(readFixture('complete-form.md')).toBe(renderGiteaForm(loadIssueForm(), formValues(ADA)));
  });

  it('messy-seed.md really has CRLF line endings and HTML comments', () => {
    const body = readFixture('messy-seed.md');
    expect(body).toContain('\r\n');
    expect(body).toContain('<!--');
  });

  it.each([
    ['complete-form.md', 'the Gitea form rendering', ADA_APPLICATION],
    ['complete-seed.md', 'the markdown template filled in', ADA_APPLICATION],
    ['messy-seed.md', 'CRLF, odd spacing, comments, 4096 MB, 80 GiB, 2 cores, y', GRACE_APPLICATION],
    ['legacy-form.md', 'older Gitea: fenced textareas, dropdowns as checkboxes, 8 GiB', LEGACY_APPLICATION],
  ])('%s (%s) reads as the expected application', (fixture, _description, expected) => {
    expect(validApplication(readFixture(fixture))).toEqual(expected);
  });
});

describe('parseApplication', () => {
  it('keeps the answers as written, dropping _No response_', () => {
    const raw = parseApplication(readFixture('complete-form.md'));
    expect(raw.values.email).toBe('ada@example.org');
    expect(raw.values.ramGb).toBe('8 GB');
    expect(raw.values.improvementPlan).toBeUndefined();
    expect(raw.experience).toEqual({ linux: true, git: true, docker: true, aiAgents: true, vpsFleet: false });
  });

  it('keeps the one-line Specs answer of the markdown template', () => {
    const raw = parseApplication(readFixture('complete-seed.md'));
    expect(raw.values.specs).toBe('4 vCPU / 8 GB RAM / 160 GB SSD / 20 TB/month bandwidth');
  });

  it.each([
    ['- **Contact Email**: a@b.io', 'a@b.io'],
    ['- **Contact Email:** a@b.io', 'a@b.io'],
    ['**Email:** a@b.io', 'a@b.io'],
    ['* **E-mail** : a@b.io', 'a@b.io'],
    ['- Contact email: a@b.io', 'a@b.io'],
    ['CONTACT EMAIL:a@b.io', 'a@b.io'],
    ['### contact email\n\na@b.io', 'a@b.io'],
    ['#### Email ####\na@b.io', 'a@b.io'],
    ['- **Contact Email**:\n  a@b.io', 'a@b.io'],
    ['### Contact Email\r\n\r\n<!-- we reply here -->a@b.io\r\n', 'a@b.io'],
    ['### Contact Email\n\n```\na@b.io\n```', 'a@b.io'],
    ['### Contact Email\n```\na@b.io```', 'a@b.io'],
    ['- **Your contact email address**: a@b.io', 'a@b.io'],
  ])('reads the email from %j', (body, email) => {
    expect(parseApplication(body).values.email).toBe(email);
  });

  it('reads two answers on the template line "**Signature** (type name): … **Date**: …"', () => {
    const raw = parseApplication('**Signature** (type name): Ada Lovelace **Date**: 2026-11-20');
    expect(raw.values.signature).toBe('Ada Lovelace');
    expect(raw.values.signedOn).toBe('2026-11-20');
  });

  it('leaves template blanks and hints unanswered', () => {
    const raw = parseApplication(
      [
        '- **VPS Provider**: (e.g., DigitalOcean, Vultr, Hetzner)',
        '- **Server Location**: (datacenter region)',
        '- **Specs**: vCPU count, RAM, Storage, Bandwidth',
        '**Signature** (type name): _________________ **Date**: _________',
      ].join('\n'),
    );
    expect(raw.values).toEqual({});
  });

  it('keeps headings and list items inside a textarea answer', () => {
    const body = [
      '### Relevant Experience (describe)',
      '',
      '### Setup',
      '- [x] ran Docker swarm',
      '```bash',
      '# not a heading',
      'Date: not the signature date',
      '```',
      '',
      '### Date',
      '',
      '2026-11-20',
    ].join('\n');
    const raw = parseApplication(body);
    expect(raw.values.experienceText).toContain('### Setup');
    expect(raw.values.experienceText).toContain('# not a heading');
    expect(raw.values.signedOn).toBe('2026-11-20');
    expect(raw.experience).toEqual({});
  });

  it('reads commitments written as ticked boxes', () => {
    const raw = parseApplication('- [x] Can maintain 99.5% uptime\n- [ ] Agree to 30-day notice for exit');
    expect(raw.values.uptime).toBe('Yes');
    expect(raw.values.exitNotice).toBe('No');
  });

  it('takes the first answer to a question given twice', () => {
    expect(parseApplication('- **Email**: first@b.io\n- **Email**: second@b.io').values.email).toBe(
      'first@b.io',
    );
  });

  it('finds nothing in text that is not an application', () => {
    expect(parseApplication('')).toEqual({ values: {}, experience: {} });
    expect(parseApplication('Hello, I would like to join! Thanks.')).toEqual({ values: {}, experience: {} });
  });
});
