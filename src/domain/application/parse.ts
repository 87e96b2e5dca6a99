import { MAX_FORM_TEXT } from '../forms/read-form.js';
import { cleanBody, closesFence, readFenceOpening, readHeading } from '../markdown/line-scan.js';
import { AnswerCollector, type Section } from './collect-answers.js';
import { readApplicationForm } from './form-by-place.js';
import { readLabelledValues } from './labelled-lines.js';
import { normalizeLabel, type SectionKey, sectionKeyForLabel } from './labels.js';
import type { RawApplication } from './raw.js';

/**
 * Headings of the markdown templates that group questions without being one. They end the
 * answer under a previous `### Question` heading; any other heading of the same level is taken
 * as part of the answer, since applicants write headings inside textareas too.
 */
const TEMPLATE_SECTION_TITLES: ReadonlySet<string> = new Set(
  [
    'personal information',
    'infrastructure',
    'commitment',
    'commitments',
    'references',
    'acknowledgment',
    'acknowledgement',
    'agreement',
    'business entity',
    'technical capabilities',
    'connectivity',
    'security compliance',
    'operational capacity',
    'financial terms',
    'certifications',
    'motivation alignment',
    'attachments',
    'internal use only',
  ].map(normalizeLabel),
);

/**
 * Reads the answers of an application issue body, written either by Gitea from the issue form
 * (`### Label`, blank line, value: read by each answer's place in the form, see
 * readApplicationForm) or by hand from the markdown template (`- **Label**: value`,
 * `- [x] option`; other wordings of the questions too). The first non-empty answer to a question
 * wins. Never throws: text it does not recognise is ignored. Reads the first MAX_FORM_TEXT
 * characters, in time linear in them.
 */
export function parseApplication(body: string): RawApplication {
  const text = String(body).slice(0, MAX_FORM_TEXT);
  return readApplicationForm(text) ?? parseTemplate(text);
}

/** The markdown template, or a form whose labels are not this form's: questions by their wording. */
function parseTemplate(body: string): RawApplication {
  const collector = new AnswerCollector();
  let section: Section | undefined;
  let fence: string | undefined;
  const lines = cleanBody(String(body)).split('\n');
  const lastAsked = lastLineAsking(lines);
  /** The section's first two non-blank lines, to tell a `_No response_` answer in constant time. */
  let written: string[] = [];
  const keep = (into: Section, line: string) => {
    into.lines.push(line);
    if (written.length < 2 && line.trim() !== '') written.push(line.trim());
  };

  for (const [index, line] of lines.entries()) {
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      if (section) keep(section, line);
      continue;
    }
    const opening = readFenceOpening(line);
    if (opening !== undefined) {
      if (!closesFence(line.trim().slice(opening.length), opening)) fence = opening;
      if (section) keep(section, line);
      else collector.endPending();
      continue;
    }
    const heading = readHeading(line);
    if (heading) {
      const key = sectionKeyForLabel(heading.text);
      const groupsQuestions = TEMPLATE_SECTION_TITLES.has(normalizeLabel(heading.text));
      // Gitea writes `_No response_` for an empty answer and the next question's heading after it.
      const emptyAnswer = section !== undefined && written.length === 1 && written[0] === '_No response_';
      // Inside an answer, a heading naming a question asked again further down is the answer's text
      // (`### Uptime commitment at my last job` in Relevant Experience, with the uptime line below).
      const askedLater = section !== undefined && key !== undefined && (lastAsked.get(key) ?? -1) > index;
      if (
        (key !== undefined && !askedLater) ||
        groupsQuestions ||
        (section && (heading.level < section.level || emptyAnswer))
      ) {
        if (section) collector.addSection(section);
        section = key === undefined ? undefined : { key, level: heading.level, lines: [] };
        written = [];
        collector.endPending();
        continue;
      }
      if (!section) {
        collector.endPending();
        continue;
      }
    }
    if (section) keep(section, line);
    else collector.addLooseLine(line);
  }
  if (section) collector.addSection(section);
  collector.endPending();
  return collector.result();
}

/** For each question, the last line that asks it (a heading or a labelled template line). */
function lastLineAsking(lines: readonly string[]): Map<SectionKey, number> {
  const last = new Map<SectionKey, number>();
  for (const [index, line] of lines.entries()) {
    const heading = readHeading(line);
    const keys = heading
      ? [sectionKeyForLabel(heading.text)]
      : readLabelledValues(line).map((value) => value.key);
    for (const key of keys) if (key !== undefined) last.set(key, index);
  }
  return last;
}
