/** `1 commit`, `2 commits`, `0 commits`: a count with its noun (`pluralForm` for irregular nouns). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
