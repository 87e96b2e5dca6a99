import type { ProgramConfig } from '../config/program.js';
import type { Instance } from '../engine/instance.js';
import type { People } from '../store/people.js';

/**
 * The data fields of the workflows that name one person by login: the alert's responsible
 * operator, the applicant and the mentor of an application, the operator of an exit.
 */
export const PERSON_FIELDS = ['responsible', 'mentor', 'applicant', 'operator'] as const;

/** Gitea's account with this user id now (GiteaClient.userById). */
type UserById = (id: number) => Promise<{ id: number; login: string } | undefined>;

const named = (instance: Instance, field: string) => {
  const value = instance.data[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * A running workflow's people follow their Gitea user id, as the registry does: the login a
 * workflow stored is read back as the login its person has now (a rename keeps the role: the
 * responsible operator can still `/ack`), and a login freed and registered again by someone else
 * names nobody in it (that person is no alert's responsible operator).
 */
export function createInstancePeople(people: People) {
  async function refreshKeys(keys: readonly string[], userById: UserById): Promise<boolean> {
    let changed = false;
    for (const key of new Set(keys)) {
      const id = await people.idOf(key);
      const user = id === undefined ? undefined : await userById(id);
      if (user) changed = (await people.learn(user.id, user.login)).changed || changed;
    }
    return changed;
  }
  return {
    /** The instance as its people are called now: each person field shows their current login. */
    async current(instance: Instance | null): Promise<Instance | null> {
      if (!instance) return instance;
      let data = instance.data;
      for (const field of PERSON_FIELDS) {
        const key = instance.people?.[field];
        const stored = named(instance, field);
        if (!key || !stored) continue;
        const login = await people.loginOf(key);
        if (login && login !== stored) data = { ...data, [field]: login };
      }
      return data === instance.data ? instance : { ...instance, data };
    },
    /**
     * Asks Gitea (`userById`) what each of the instance's people is called now. Gitea sends no
     * webhook for a rename or a sign-up, and a timer carries nobody's id: without this, a note a
     * timer posts would mention a renamed person's old login — someone else's once it is
     * registered again. One request per person, for timer events only. Whether a login changed
     * (what shows logins is computed again).
     */
    async refresh(instance: Instance | null, userById: UserById): Promise<boolean> {
      return refreshKeys(Object.values(instance?.people ?? {}), userById);
    },
    /** As `refresh`, for people stored by login outside a workflow (a ping's operator, when its deadline passes). */
    async refreshLogins(logins: readonly string[], userById: UserById): Promise<boolean> {
      return refreshKeys(await Promise.all(logins.map((login) => people.keyOf(login))), userById);
    },
    /** The instance with the person key of each person field recorded (kept while the login is unchanged). */
    async keyed(instance: Instance): Promise<Instance> {
      const keys: Record<string, string> = {};
      for (const field of PERSON_FIELDS) {
        const login = named(instance, field);
        if (!login) continue;
        const key = instance.people?.[field];
        const known = key ? await people.loginOf(key) : undefined;
        keys[field] =
          key && (known ?? key).toLowerCase() === login.toLowerCase() ? key : await people.keyOf(login);
      }
      return Object.keys(keys).length > 0 ? { ...instance, people: keys } : instance;
    },
    /**
     * The config with the people it names by login (`maintainers.users`, the user entries of
     * `escalation.contacts`) shown as they are called now. A listed login names the person who
     * had it when the bot first saw it (the person's key, as the maintainer check reads it), so a
     * renamed maintainer is mentioned by the new login and whoever registers the freed name is
     * never mentioned. With `userById` (timer events: nobody's id comes with them) Gitea is asked first.
     */
    async config(config: ProgramConfig, userById?: UserById): Promise<ProgramConfig> {
      const users = config.maintainers.users;
      const contacts = config.escalation.contacts.filter((handle) => !handle.includes('/'));
      const keys = [...users, ...contacts].map((login) => login.toLowerCase());
      if (keys.length === 0) return config;
      if (userById) await refreshKeys(keys, userById);
      const unique = [...new Set(keys)];
      const logins = await Promise.all(unique.map((key) => people.loginOf(key)));
      const now = new Map(unique.flatMap((key, i) => (logins[i] ? [[key, logins[i] as string]] : [])));
      if (now.size === 0) return config;
      const shown = (login: string) => now.get(login.toLowerCase()) ?? login;
      return {
        ...config,
        maintainers: { ...config.maintainers, users: users.map(shown) },
        escalation: {
          ...config.escalation,
          contacts: config.escalation.contacts.map((handle) =>
            handle.includes('/') ? handle : shown(handle),
          ),
        },
      };
    },
  };
}

export type InstancePeople = ReturnType<typeof createInstancePeople>;
