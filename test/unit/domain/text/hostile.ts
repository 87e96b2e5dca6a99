import fc from 'fast-check';

/** Pieces of text a person might type to make the bot's comment say more than it means. */
export const HOSTILE = [
  '`',
  '``',
  '```',
  '<!--',
  '-->',
  '<!-<!-- x -->- operator-bot:note escalation-1 -->',
  '<!-- operator-bot:note command-1 mac=0123456789abcdef0123456789abcdef -->',
  '@mallory',
  '@everyone',
  '(@eve)',
  '[@eve]',
  '&#64;eve',
  '<img src=x>',
  '<b>x</b>',
  '<script>alert(1)</script>',
  '[re-verify your wallet](https://evil.example)',
  '![x](https://evil.example/x.png)',
  'https://evil.example',
  'www.evil.example',
  '#12',
  'fleet/program#3',
  '\u200B',
  '\u200D',
  '\u202E',
  '\u2066',
  '\uFEFF',
  '\n',
  '\r\n',
  '\u2028',
  '|',
  '\\',
  '*',
  '_',
  ' ',
];

/** Random text made of hostile pieces, arbitrary Unicode and, sometimes, a 10 kB line. */
export const hostileText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme' })), { maxLength: 12 })
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...HOSTILE).map((piece) => piece.repeat(Math.ceil(10_240 / piece.length))),
  },
);

/** Gitea's mention rule (modules/references/references.go, mentionPattern): `@name` after start, space, `(` or `[`. */
const MENTION = /(?:^|[\s([])@([\w-][\w.-]*)/gu;

/**
 * The text outside code spans and fences, as CommonMark reads them (spec §6.1: a run of n
 * backticks opens a span closed by the next run of exactly n). Gitea links and notifies no
 * mention inside code (modules/markup/html_node.go skips `code` and `pre` nodes).
 */
export function outsideCode(comment: string): string {
  let out = '';
  let at = 0;
  const runs = [...comment.matchAll(/`+/g)];
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    if (!open || (open.index ?? 0) < at) continue;
    const closeAt = runs.findIndex((run, j) => j > i && run[0].length === open[0].length);
    const close = runs[closeAt];
    if (!close) continue;
    out += `${comment.slice(at, open.index)} `;
    at = (close.index ?? 0) + close[0].length;
    i = closeAt;
  }
  return out + comment.slice(at);
}

/** The logins a rendered comment would link and notify. */
export const liveMentions = (comment: string) =>
  [...outsideCode(comment).matchAll(MENTION)].map((m) => (m[1] ?? '').replace(/[.]+$/, '').toLowerCase());

/** Raw HTML in a comment, other than the bot's own folding tags. */
export const rawHtml = (comment: string) =>
  comment.replace(/<\/?(details|summary)>/g, '').match(/<[A-Za-z!/?]/g) ?? [];
