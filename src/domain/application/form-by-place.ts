import { labelKey } from '../forms/label-key.js';
import { readAnswersByPlace } from '../forms/read-form.js';
import { AnswerCollector } from './collect-answers.js';
import { EXPERIENCE_SECTION_LABEL, FIELD_LABELS } from './fields.js';
import type { SectionKey } from './labels.js';
import type { RawApplication } from './raw.js';

/** The questions of templates/issue-forms/operator-application.yaml, in its order. */
export const FORM_ORDER: readonly SectionKey[] = [
  'handle',
  'email',
  'chatHandle',
  'wallet',
  'chain',
  'timezone',
  'provider',
  'location',
  'vcpu',
  'ramGb',
  'diskGb',
  'bandwidth',
  'os',
  'staticIp',
  'nodes',
  'experience',
  'experienceText',
  'hoursPerWeek',
  'uptime',
  'exitNotice',
  'sovereignty',
  'giteaUsername',
  'priorWork',
  'referredBy',
  'improvementPlan',
  'signature',
  'signedOn',
];

/** The label Gitea writes above each answer. */
export const formLabel = (key: SectionKey) =>
  key === 'experience' ? EXPERIENCE_SECTION_LABEL : FIELD_LABELS[key];

const placeByLabel = new Map(FORM_ORDER.map((key, place) => [labelKey(formLabel(key)), place]));

/**
 * A body is this form's rendering when at least half of its questions appear under their own
 * labels; others (the markdown template, other wordings) are read by parseTemplate.
 */
const MIN_LABELS_FOUND = Math.ceil(FORM_ORDER.length / 2);

/**
 * The answers of a body Gitea rendered from the application form, each read by its place in the
 * form (see readAnswersByPlace): a `### Prior work` or `### Uptime commitment at my last job` line
 * inside "Relevant Experience" stays in that answer. Undefined when the body is not this form.
 */
export function readApplicationForm(body: string): RawApplication | undefined {
  const answers = readAnswersByPlace(body, (text) => placeByLabel.get(labelKey(text)));
  if (answers.size < MIN_LABELS_FOUND) return undefined;
  const collector = new AnswerCollector(true);
  for (const [place, text] of answers)
    collector.addSection({ key: FORM_ORDER[place] as SectionKey, level: 3, lines: text.split('\n') });
  return collector.result();
}
