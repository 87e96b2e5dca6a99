const YES_WORDS: ReadonlySet<string> = new Set([
  'yes',
  'y',
  'yeah',
  'yep',
  'yup',
  'true',
  'agree',
  'agreed',
  'absolutely',
  'definitely',
  'certainly',
  'sure',
  'ok',
  'okay',
]);
const NO_WORDS: ReadonlySet<string> = new Set([
  'no',
  'n',
  'nope',
  'nah',
  'false',
  'not',
  'disagree',
  'cannot',
]);

/** The template's own `Yes / No`, left as it was: no answer. */
const BOTH_OFFERED = /^\W*(?:yes\W+(?:or\W+)?no|no\W+(?:or\W+)?yes)\W*$/i;

/**
 * Yes or No as applicants answer: `yes`, `Y`, `YES`, `true`, `Yes, I agree`, `no`, `n`.
 * Strike-through and unticked boxes are ignored and a bold choice wins, so `**Yes** / No`,
 * `Yes / ~~No~~` and `[x] Yes [ ] No` are Yes. Undefined when it is neither, or both.
 */
export function parseYesNo(text: string): boolean | undefined {
  const kept = text.replace(/~~[^~]*~~/g, ' ').replace(/\[\s?\]\s*[a-z]+/gi, ' ');
  const boldChoices = [...kept.matchAll(/\*\*([^*]+)\*\*|__([^_]+)__/g)].map((match) =>
    answerOf(match[1] ?? match[2] ?? ''),
  );
  const boldAnswer = boldChoices.find((choice) => choice !== undefined);
  if (
    boldAnswer !== undefined &&
    boldChoices.every((choice) => choice === undefined || choice === boldAnswer)
  ) {
    return boldAnswer;
  }
  return answerOf(kept);
}

function answerOf(text: string): boolean | undefined {
  if (BOTH_OFFERED.test(text.replace(/[*_`[\]]/g, ' '))) return undefined;
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (YES_WORDS.has(word)) return true;
    if (NO_WORDS.has(word)) return false;
  }
  return undefined;
}
