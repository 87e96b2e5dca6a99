/**
 * A number as applicants write it: `4`, `3.9`, `3,9` (decimal comma), `4,096` (thousands),
 * `-1`. The pattern is shared so callers can match a number followed by a unit.
 */
export const NUMBER_PATTERN = String.raw`-?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.,]\d+)?)`;

export function toNumber(written: string): number | undefined {
  const canonical = /^-?\d{1,3}(?:,\d{3})+$/.test(written)
    ? written.replaceAll(',', '')
    : written.replace(',', '.');
  const value = Number(canonical);
  return Number.isFinite(value) ? value : undefined;
}

const SMALL_NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** The first number in the text, digits or a small number word (`three nodes`). */
export function firstNumber(text: string): number | undefined {
  const digits = new RegExp(NUMBER_PATTERN).exec(text);
  if (digits) return toNumber(digits[0]);
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const word = words.find((candidate) => Object.hasOwn(SMALL_NUMBER_WORDS, candidate));
  return word === undefined ? undefined : SMALL_NUMBER_WORDS[word];
}

/** Up to two decimals, without trailing zeros: 4 → "4", 3.80859375 → "3.81". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
