/**
 * The key a login is matched by: Gitea logins are case-insensitive, and a referrer may have
 * been written as a mention (`@Alice`).
 */
export function loginKey(login: string): string {
  return login.trim().replace(/^@/, '').toLowerCase();
}

/** Items grouped by the login key of `login`. */
export function groupByLogin<T extends { login: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = loginKey(item.login);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
