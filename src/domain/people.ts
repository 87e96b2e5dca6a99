/** Someone as an event or a record names them: the login they had then, and their Gitea user id when known. */
export type Sighting = { login: string; id?: number | undefined };

/**
 * Whether two sightings are the same person. People are their Gitea user id (a rename keeps it,
 * and a freed login can be registered by someone else), so when both carry an id only the ids
 * count; records from before ids were kept fall back to the login, case-insensitively.
 */
export function samePerson(a: Sighting, b: Sighting): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.login.toLowerCase() === b.login.toLowerCase();
}
