import { parseBlocks } from '../markdown/parser.js';
import { normalizeText } from '../markdown/text.js';
import { labelKey } from './label-key.js';
import { closeLegacyFences } from './legacy-fences.js';

/** Form bodies are read from their first 64 KiB only (a real one is a few KB), like commands. */
export const MAX_FORM_TEXT = 65_536;

/** One question of an issue form: its label, and the wordings older versions of the form used. */
export type FormQuestion = { label: string; formerLabels?: readonly string[] };

/** A form answer as written (trimmed), by the question's label; a question not found is absent. */
export type FormAnswers = Map<string, string>;

/** A heading naming the question at `place`: its line and the line after it (0-based). */
type Heading = { place: number; line: number; next: number };

/**
 * Reads a body that Gitea rendered from an issue form, by the place of each answer in the form.
 * Gitea writes `### <label>`, a blank line and the value for each question, in the form's order,
 * and a textarea's text as typed (go-gitea/gitea modules/issue/template/template.go,
 * RenderToMarkdown), so a `###` line inside an answer is text of that answer: a top-level `###`
 * heading ends an answer only when it is the next question's label, or a later question's label
 * when the questions in between appear nowhere after it (they were removed from the form). When a
 * label comes again before the next one, the last is Gitea's (the others were typed in answers).
 * Headings in fenced code, quotes and HTML blocks are never boundaries (CommonMark, markdown-it);
 * the older rendering "```\nvalue```" is read too. Reads the first MAX_FORM_TEXT characters,
 * in time linear in them.
 */
export function readFormByPlace(body: string, questions: readonly FormQuestion[]): FormAnswers {
  const keyToIndex = new Map<string, number>();
  for (const [index, question] of questions.entries()) {
    for (const label of [question.label, ...(question.formerLabels ?? [])])
      if (!keyToIndex.has(labelKey(label))) keyToIndex.set(labelKey(label), index);
  }
  const byPlace = readAnswersByPlace(body, (text) => keyToIndex.get(labelKey(text)));
  const answers: FormAnswers = new Map();
  for (const [index, text] of byPlace) answers.set((questions[index] as FormQuestion).label, text);
  return answers;
}

/**
 * The rule of readFormByPlace with the questions given as `placeOf`: a heading's text → the
 * 0-based place of the question it names in the form, or undefined when it names none. Answers
 * come back by place.
 */
function readAnswersByPlace(
  body: string,
  placeOf: (headingText: string) => number | undefined,
): Map<number, string> {
  return answersByPlace(
    scanForm(body, (text) => placeOf(text) !== undefined),
    placeOf,
  );
}

/** A body's lines (legacy fences closed) and its top-level `###` headings: parsed once, read by place. */
export type ScannedForm = { lines: string[]; headings: { text: string; line: number; next: number }[] };

/** Parses a body once for answersByPlace; `isLabel` tells the headings Gitea may have written. */
export function scanForm(body: string, isLabel: (headingText: string) => boolean): ScannedForm {
  const lines = closeLegacyFences(normalizeText(String(body).slice(0, MAX_FORM_TEXT)).split('\n'), isLabel);
  const tokens = parseBlocks(lines.join('\n'));
  const headings: ScannedForm['headings'] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.type !== 'heading_open' || token.level !== 0 || token.tag !== 'h3' || !token.map) continue;
    headings.push({ text: tokens[index + 1]?.content ?? '', line: token.map[0], next: token.map[1] });
  }
  return { lines, headings };
}

/** The answers of a scanned body by place (the rule of readFormByPlace). */
export function answersByPlace(
  form: ScannedForm,
  placeOf: (headingText: string) => number | undefined,
): Map<number, string> {
  const headings: Heading[] = form.headings.flatMap(({ text, line, next }) => {
    const place = placeOf(text);
    return place === undefined ? [] : [{ place, line, next }];
  });
  const lastAt = new Map<number, number>();
  for (const [position, heading] of headings.entries()) lastAt.set(heading.place, position);

  const boundaries: Heading[] = [];
  let expected = 0;
  for (const [position, heading] of headings.entries()) {
    const last = boundaries[boundaries.length - 1];
    // The latest label again: the earlier one was typed in the answer before it (Gitea writes
    // each label once, and an input's answer is one line).
    if (last && heading.place === last.place) {
      boundaries[boundaries.length - 1] = heading;
      continue;
    }
    if (heading.place < expected) continue;
    let skippedLater = false;
    for (let between = expected; between < heading.place && !skippedLater; between++)
      skippedLater = (lastAt.get(between) ?? -1) > position;
    if (skippedLater) continue;
    boundaries.push(heading);
    expected = heading.place + 1;
  }

  const answers = new Map<number, string>();
  for (const [index, heading] of boundaries.entries()) {
    const end = boundaries[index + 1]?.line ?? form.lines.length;
    answers.set(heading.place, form.lines.slice(heading.next, end).join('\n').trim());
  }
  return answers;
}

/**
 * An answer without Gitea's leftovers: `_No response_` (an empty answer) and a dropdown's neutral
 * first option `—` read as '' (older Gitea preselects the first option, go-gitea/gitea#31044);
 * a fence around the whole answer (a textarea with `render:`) is removed.
 */
export function answerText(written: string | undefined): string {
  const text = (written ?? '').trim();
  if (text === '_No response_' || text === '—') return '';
  return unfenced(text).trim();
}

/** The inside of a fenced block that is the whole text, else the text. */
function unfenced(text: string): string {
  const firstBreak = text.indexOf('\n');
  const lastBreak = text.lastIndexOf('\n');
  if (firstBreak < 0) return text;
  const opener = /^(`{3,}|~{3,})/.exec(text.slice(0, firstBreak))?.[1];
  if (opener === undefined || text.slice(lastBreak + 1).trimEnd() !== opener) return text;
  return text.slice(firstBreak + 1, lastBreak);
}
