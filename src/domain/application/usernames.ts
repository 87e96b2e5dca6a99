/** Gitea's rule: letters, digits, `-`, `_`, `.`, not starting or ending with punctuation. */
export const GITEA_USERNAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9])?$/;

/**
 * A Gitea username as written: `alice`, `@alice`, `[@alice](https://forge/alice)`,
 * `https://forge.example/alice`. Returns the bare name, valid or not, so a bad one can be
 * quoted back; `undefined` when nothing is left.
 */
export function parseUsername(text: string): string | undefined {
  let written = text.trim();
  const link = /^\[([^\]]*)\]\(([^)]*)\)/.exec(written);
  if (link) written = (link[1] ?? '').trim() || (link[2] ?? '');
  const url = /^https?:\/\/[^/\s]+\/([^/\s?#]+)/i.exec(written);
  if (url?.[1]) written = url[1];
  const name = written
    .replace(/^[@`*_]+|[`*_.,;]+$/g, '')
    .split(/\s+/)[0]
    ?.replace(/^@/, '');
  return name === undefined || name === '' ? undefined : name;
}

export function isGiteaUsername(name: string): boolean {
  return GITEA_USERNAME_PATTERN.test(name);
}
