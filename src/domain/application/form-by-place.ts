import { labelKey } from '../forms/label-key.js';
import { answersByPlace, scanForm } from '../forms/read-form.js';
import { AnswerCollector } from './collect-answers.js';
import { EXPERIENCE_SECTION_LABEL, FIELD_KEYS, FIELD_LABELS } from './fields.js';
import { type SectionKey, sectionKeyForLabel } from './labels.js';
import type { RawApplication } from './raw.js';

/**
 * The questions of templates/issue-forms/operator-application.yaml, in its order: the fields'
 * order without the markdown template's combined `specs` line, with the experience checkboxes
 * asked just before the experience text.
 */
export const FORM_ORDER: readonly SectionKey[] = FIELD_KEYS.flatMap((key): SectionKey[] =>
  key === 'specs' ? [] : key === 'experienceText' ? ['experience', key] : [key],
);

/** The label Gitea writes above each answer. */
export const formLabel = (key: SectionKey) =>
  key === 'experience' ? EXPERIENCE_SECTION_LABEL : FIELD_LABELS[key];

const placeByLabel = new Map(FORM_ORDER.map((key, place) => [labelKey(formLabel(key)), place]));

/** Other versions of the form, worded otherwise, may ask for the specs on one line. */
const WORDED_ORDER: readonly SectionKey[] = FORM_ORDER.flatMap((key) =>
  key === 'location' ? ['location', 'specs'] : [key],
);
const placeByKey = new Map(WORDED_ORDER.map((key, place) => [key, place]));

/**
 * A body is a Gitea rendering of this form when at least half of its questions appear as headings
 * (under their own labels, else under other wordings: an older version of the form); others (the
 * markdown template) are read by parseTemplate.
 */
const MIN_QUESTIONS_FOUND = Math.ceil(FORM_ORDER.length / 2);

/**
 * The answers of a body Gitea rendered from the application form, each read by its place in the
 * form (see readAnswersByPlace): a `### Prior work` or `### Uptime commitment at my last job` line
 * inside "Relevant Experience" stays in that answer. The form's own labels are tried first, then
 * the questions' other wordings (labelled as in sectionKeyForLabel), in the same order. Undefined
 * when the body is not a rendering of the form.
 */
export function readApplicationForm(body: string): RawApplication | undefined {
  const ownPlace = (text: string) => placeByLabel.get(labelKey(text));
  const wordedPlace = (text: string) => {
    const key = sectionKeyForLabel(text);
    return key === undefined ? undefined : placeByKey.get(key);
  };
  const form = scanForm(body, (text) => ownPlace(text) !== undefined || wordedPlace(text) !== undefined);
  if (form.headings.length < MIN_QUESTIONS_FOUND) return undefined;
  const own = answersByPlace(form, ownPlace);
  if (own.size >= MIN_QUESTIONS_FOUND) return collect(own, FORM_ORDER);
  const worded = answersByPlace(form, wordedPlace);
  if (worded.size >= MIN_QUESTIONS_FOUND) return collect(worded, WORDED_ORDER);
  return undefined;
}

function collect(answers: ReadonlyMap<number, string>, order: readonly SectionKey[]): RawApplication {
  const collector = new AnswerCollector(true);
  for (const [place, text] of answers)
    collector.addSection({ key: order[place] as SectionKey, level: 3, lines: text.split('\n') });
  return collector.result();
}
