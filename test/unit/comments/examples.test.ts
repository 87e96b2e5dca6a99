import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commentExamples } from '../../support/comment-examples.js';

/** `docs/examples/` holds every comment the bot writes, rendered; it must match the code (run `npm run docs`). */
const DIR = new URL('../../../docs/examples/', import.meta.url);
const examples = commentExamples();

describe('docs/examples', () => {
  it('holds exactly the generated files (run `npm run docs` when this fails)', () => {
    expect(readdirSync(DIR).sort()).toEqual([...examples.keys()].sort());
  });

  it.each([...examples.keys()])('%s is up to date (run `npm run docs` when this fails)', (file) => {
    expect(readFileSync(new URL(file, DIR), 'utf8')).toBe(examples.get(file));
  });

  it('renders every template, the notes and replies of a workflow, and no template syntax', () => {
    for (const name of [
      'alert-status',
      'exit-status',
      'onboarding-status',
      'payroll-status',
      'program-health',
      'weekly-reminder',
    ])
      expect(examples.has(`${name}.md`)).toBe(true);
    for (const text of examples.values()) expect(text).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
    expect(examples.get('onboarding-notes-and-replies.md')).toContain('Your duties as an operator');
    expect(examples.get('alert-notes.md')).toContain('Escalation level 3 of 3');
  });
});
