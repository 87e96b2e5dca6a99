import { readCheckbox } from '../markdown/line-scan.js';
import { cleanFormValue, cleanValue } from './answer-text.js';
import type { ExperienceKey, FieldKey } from './fields.js';
import { isListItem, readLabelledValues } from './labelled-lines.js';
import { experienceKeyForLabel, type SectionKey, sectionKeyForLabel } from './labels.js';
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

/** The lines of one question's answer, found under its heading. */
export interface Section {
  key: SectionKey;
  level: number;
  lines: string[];
}

/**
 * Gathers the answers of an application as its readers find them (a whole section under a
 * heading, or a labelled template line); the first non-empty answer to a question wins.
 */
export class AnswerCollector {
  /** `fromForm`: answers Gitea wrote from the form, which hold no template hints to drop. */
  constructor(private readonly fromForm = false) {}

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
    const cleaned = this.fromForm ? cleanFormValue(value) : cleanValue(value);
    if (cleaned !== '' && this.values[key] === undefined) this.values[key] = cleaned;
  }
}
