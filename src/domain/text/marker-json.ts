/**
 * A value as one-line JSON for a marker payload: `<`, `>` and `@` as `\u` escapes (JSON.parse
 * reads them back), so no text inside can close or open an HTML comment, and no person's text
 * kept in a marker (a command it recorded) holds a mention even if the comment were shown.
 */
export const markerJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>@]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
