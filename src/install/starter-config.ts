import { stringify } from 'yaml';

export const CONFIG_PATH = 'operator-bot.yaml';

/**
 * A starter `operator-bot.yaml`: the maintainers (the repo's admins at install time) and a
 * pointer to every other key, which keeps its default until set (README "Configuration").
 */
export function starterConfig(program: { repo: string; name: string; admins: readonly string[] }): string {
  const body = stringify({
    program: { name: program.name },
    maintainers: { users: [...program.admins].sort(), teams: [] },
    escalation: { contacts: [...program.admins].sort() },
  });
  return [
    `# operator-bot program config for ${program.repo}, written by \`operator-bot init\`.`,
    '# Every key not set here keeps its default: see the README, "Configuration".',
    '# maintainers.users were the admins of the repository when init ran; its admins always count.',
    body,
  ].join('\n');
}
