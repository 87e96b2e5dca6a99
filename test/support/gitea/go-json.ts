const GO_ESCAPED = /[<>&\u2028\u2029]/g;

/** JSON as Gitea's webhook sender writes it: Go's `MarshalIndent(payload, "", "  ")`, which
 * escapes `<`, `>`, `&`, U+2028 and U+2029 inside strings. */
export function goIndentedJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    GO_ESCAPED,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
