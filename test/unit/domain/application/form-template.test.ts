import { describe, expect, it } from 'vitest';
import { FORM_ORDER, formLabel } from '../../../../src/domain/application/form-by-place.js';
import {
  EXPERIENCE_KEYS,
  EXPERIENCE_LABELS,
  FIELD_KEYS,
  FIELD_LABELS,
} from '../../../../src/domain/application/index.js';
import { sectionKeyForLabel } from '../../../../src/domain/application/labels.js';
import { CHAINS } from '../../../../src/domain/wallets/chains.js';
import { loadIssueForm } from './support/render.js';

const form = loadIssueForm();
const questions = form.body.filter((item) => item.type !== 'markdown');
const OPTIONAL = new Set(['priorWork', 'referredBy', 'improvementPlan', 'experience']);

describe('the operator-application issue form', () => {
  it('is a Gitea issue form that labels the issue operator-application', () => {
    expect(form.name).not.toBe('');
    expect(form.about).not.toBe('');
    expect(form.labels).toEqual(['operator-application']);
  });

  it('gives every question a unique id, a label and a required flag', () => {
    const ids = questions.map((item) => item.id);
    expect(ids.every((id) => id !== undefined && /^[a-z_]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of questions) {
      expect(item.attributes.label, item.id).toBeTruthy();
      expect(typeof item.validations?.required, item.id).toBe('boolean');
    }
  });

  it('asks every question the validator reads, under the label problems are named with', () => {
    const keys = questions.map((item) => sectionKeyForLabel(item.attributes.label ?? ''));
    const expected = [...FIELD_KEYS.filter((key) => key !== 'specs'), 'experience'];
    expect([...keys].sort()).toEqual([...expected].sort());
    for (const item of questions) {
      const key = sectionKeyForLabel(item.attributes.label ?? '');
      if (key !== undefined && key !== 'experience') expect(item.attributes.label).toBe(FIELD_LABELS[key]);
    }
  });

  it('asks its questions in the order the reader expects them (answers are read by place)', () => {
    expect(questions.map((item) => item.attributes.label)).toEqual(FORM_ORDER.map(formLabel));
  });

  it('requires exactly the answers the validator requires', () => {
    for (const item of questions) {
      const key = sectionKeyForLabel(item.attributes.label ?? '') ?? '';
      expect(item.validations?.required, item.attributes.label).toBe(!OPTIONAL.has(key));
    }
  });

  it('offers the supported chains, Yes/No commitments and the template experience checkboxes', () => {
    const byId = new Map(questions.map((item) => [item.id, item]));
    expect(byId.get('chain')?.type).toBe('dropdown');
    // A neutral first option: older Gitea preselects the first one (go-gitea/gitea#31044).
    expect(byId.get('chain')?.attributes.options).toEqual(['—', ...CHAINS]);
    for (const id of ['static_ip', 'commitment_uptime', 'commitment_exit_notice', 'commitment_sovereignty']) {
      expect(byId.get(id)?.type, id).toBe('dropdown');
      expect(byId.get(id)?.attributes.options, id).toEqual(['—', 'Yes', 'No']);
    }
    expect(byId.get('experience')?.type).toBe('checkboxes');
    expect(byId.get('experience')?.attributes.options).toEqual(
      EXPERIENCE_KEYS.map((key) => ({ label: EXPERIENCE_LABELS[key] })),
    );
    expect(byId.get('signature')?.type).toBe('input');
    expect(byId.get('date')?.type).toBe('input');
    expect(byId.get('improvement_plan')?.attributes.label).toBe('Improvement plan (re-applications only)');
  });
});
