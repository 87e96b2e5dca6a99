import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../src/config/program.js';
import { loadWorkflow, WorkflowDefinitionError } from '../../../src/engine/load.js';
import { WORKFLOWS_DIR } from '../../../src/paths.js';
import { loadTemplates } from '../../../src/templates.js';
import { onboardingCode } from '../../../src/workflows/onboarding/index.js';

const original = readFileSync(join(WORKFLOWS_DIR, 'onboarding.yaml'), 'utf8');
const templates = loadTemplates();

function loadVariant(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ob-workflows-'));
  writeFileSync(join(dir, 'onboarding.yaml'), yaml);
  return () => loadWorkflow('onboarding', onboardingCode, templates, defaultProgramConfig(), dir);
}

describe('workflow definitions are validated at start-up', () => {
  it('accepts the shipped onboarding workflow', () => {
    expect(loadVariant(original)().definition.states).toHaveProperty('active');
  });

  it.each([
    [
      'a transition to an unknown state',
      original.replace('to: training', 'to: trainng'),
      'unknown state "trainng"',
    ],
    [
      'a guard missing from the code',
      original.replace('guard: trainingComplete', 'guard: trainingDone'),
      'guard "trainingDone" is not defined',
    ],
    [
      'an action missing from the code',
      original.replace('action: recordQuiz', 'action: recordExam'),
      'action "recordExam" is not defined',
    ],
    [
      'an unknown timer',
      original.replace('on: timer:shadowWeek', 'on: timer:shadowMonth'),
      'unknown timer "shadowMonth"',
    ],
    [
      'a timer on a missing config key',
      original.replace('after: onboarding.shadowPeriod', 'after: onboarding.shadowWeeks'),
      'not a duration in the config',
    ],
    [
      'a missing template',
      original.replace('statusTemplate: onboarding-status', 'statusTemplate: nope'),
      'templates/nope.mustache',
    ],
    [
      'an unknown key',
      original.replace('labelScope: onboarding', 'labelScope: onboarding\nlabelColour: red'),
      'labelColour',
    ],
    ['an unknown role', original.replace('roles: [author]', 'roles: [applicant]'), 'roles'],
    ['broken YAML', `${original}\n  - [`, 'onboarding.yaml'],
  ])('refuses %s, saying why', (_what, yaml, reason) => {
    const load = loadVariant(yaml);
    expect(load).toThrowError(WorkflowDefinitionError);
    expect(load).toThrowError(reason);
  });
});
