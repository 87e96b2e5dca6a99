/**
 * An `@` that Gitea would read as a mention, or a `#` it would read as an issue reference: the
 * `@` of `@login` not inside a word (so `ada@fleet.example` stays whole, as Gitea's mention
 * pattern in modules/references/references.go needs start, space, `(` or `[` before it), and any
 * `#` before a word character (`#12`, `owner/repo#12`). Group 1 is the sign; a zero-width space
 * after it defuses it.
 */
export const MENTION_OR_REFERENCE = /((?<![\p{L}\p{N}_.\-+])@|#)(?=[\p{L}\p{N}_-])/gu;
