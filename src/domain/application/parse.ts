import type { ExperienceKey, FieldKey } from './fields.js';
import { isListItem, readLabelledValues } from './labelled-lines.js';
import { experienceKeyForLabel, normalizeLabel, type SectionKey, sectionKeyForLabel } from './labels.js';
import {
  cleanBody,
  cleanValue,
  closesFence,
  readCheckbox,
  readFenceOpening,
  readHeading,
} from './markdown.js';
import type { RawApplication } from './raw.js';

/** Answers that a checkbox or the old Gitea dropdown rendering (`- [x] Yes`) may give. */
const CHOICE_KEYS: ReadonlySet<SectionKey> = new Set([
  'chain',
  'staticIp',
  'uptime',
  'exitNotice',
  'sovereignty',
]);
const YES_NO_KEYS: ReadonlySet<SectionKey> = new Set(['staticIp', 'uptime', 'exitNotice', 'sovereignty']);

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

interface Section {
  key: SectionKey;
  level: number;
  lines: string[];
}

/**
 * Reads the answers of an application issue body, written either by Gitea from the issue form
 * (`### Label`, blank line, value) or by hand from the markdown template
 * (`- **Label**: value`, `- [x] option`). The first non-empty answer to a question wins.
 * Never throws: text it does not recognise is ignored.
 */
export function parseApplication(body: string): RawApplication {
  const collector = new AnswerCollector();
  let section: Section | undefined;
  let fence: string | undefined;

  for (const line of cleanBody(String(body)).split('\n')) {
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      if (section) section.lines.push(line);
      continue;
    }
    const opening = readFenceOpening(line);
    if (opening !== undefined) {
      if (!closesFence(line.trim().slice(opening.length), opening)) fence = opening;
      if (section) section.lines.push(line);
      else collector.endPending();
      continue;
    }
    const heading = readHeading(line);
    if (heading) {
      const key = sectionKeyForLabel(heading.text);
      const groupsQuestions = TEMPLATE_SECTION_TITLES.has(normalizeLabel(heading.text));
      if (key !== undefined || groupsQuestions || (section && heading.level < section.level)) {
        if (section) collector.addSection(section);
        section = key === undefined ? undefined : { key, level: heading.level, lines: [] };
        collector.endPending();
        continue;
      }
      if (!section) {
        collector.endPending();
        continue;
      }
    }
    if (section) section.lines.push(line);
    else collector.addLooseLine(line);
  }
  if (section) collector.addSection(section);
  collector.endPending();
  return collector.result();
}

class AnswerCollector {
  private readonly values: Partial<Record<FieldKey, string>> = {};
  private readonly experience: Partial<Record<ExperienceKey, boolean>> = {};
  /** A label written without its answer, which may follow on the next lines. */
  private pending: { key: FieldKey; lines: string[] } | undefined;

  result(): RawApplication {
    return { values: { ...this.values }, experience: { ...this.experience } };
  }

  addSection(section: Section): void {
    const checkboxes = section.lines.flatMap((line) => readCheckbox(line) ?? []);
    if (section.key === 'experience') {
      for (const box of checkboxes) this.addExperience(box.label, box.checked);
      // "## Experience" followed by prose instead of the checklist: that prose is the description.
      if (checkboxes.length === 0) this.record('experienceText', section.lines.join('\n'));
      return;
    }
    if (CHOICE_KEYS.has(section.key) && checkboxes.length > 0) {
      const chosen = checkboxes.filter((box) => box.checked).map((box) => box.label);
      this.record(section.key, chosen.join(', '));
      return;
    }
    this.record(section.key, section.lines.join('\n'));
  }

  addLooseLine(line: string): void {
    if (line.trim() === '') {
      this.endPending();
      return;
    }
    const checkbox = readCheckbox(line);
    if (checkbox) {
      this.endPending();
      const key = sectionKeyForLabel(checkbox.label);
      if (key !== undefined && YES_NO_KEYS.has(key)) this.record(key, checkbox.checked ? 'Yes' : 'No');
      else this.addExperience(checkbox.label, checkbox.checked);
      return;
    }
    const labelled = readLabelledValues(line);
    if (labelled.length > 0) {
      this.endPending();
      for (const { key, value } of labelled) {
        if (key === undefined || key === 'experience') continue;
        if (cleanValue(value) === '') this.pending = { key, lines: [] };
        else this.record(key, value);
      }
      return;
    }
    if (this.pending && !isListItem(line)) this.pending.lines.push(line);
    else this.endPending();
  }

  endPending(): void {
    if (this.pending && this.pending.lines.length > 0)
      this.record(this.pending.key, this.pending.lines.join('\n'));
    this.pending = undefined;
  }

  private addExperience(label: string, checked: boolean): void {
    const key = experienceKeyForLabel(label);
    if (key !== undefined) this.experience[key] = (this.experience[key] ?? false) || checked;
  }

  private record(key: SectionKey, value: string): void {
    if (key === 'experience') return;
    const cleaned = cleanValue(value);
    if (cleaned !== '' && this.values[key] === undefined) this.values[key] = cleaned;
  }
}
