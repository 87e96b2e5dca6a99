type Write = { call: string; args: unknown[] };
type Ref = { owner?: string; name?: string };

const repoName = (ref: unknown) => {
  const { owner = '?', name = '?' } = (ref ?? {}) as Ref;
  return `${owner}/${name}`;
};

const indented = (text: unknown) =>
  String(text)
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

/**
 * One Gitea write of `replay --dry-run`, as a person reads it: what would be done, where, and
 * the text of comments, indented beneath (the hidden state marker included, as it would be sent).
 */
export function describeWrite({ call, args }: Write): string {
  const [ref, second, third] = args;
  const repo = repoName(ref);
  switch (call) {
    case 'createComment':
      return `would comment on ${repo}#${second}:\n${indented(third)}`;
    case 'editComment':
      return `would edit comment ${second} in ${repo} to:\n${indented(third)}`;
    case 'createLabel': {
      const label = (second ?? {}) as { name?: string; color?: string; exclusive?: boolean };
      return `would create the label "${label.name}" in ${repo} (${label.color}${label.exclusive ? ', exclusive' : ''})`;
    }
    case 'addLabels':
      return `would add labels ${JSON.stringify(third)} (ids) to ${repo}#${second}`;
    case 'removeLabel':
      return `would remove label ${third} (id) from ${repo}#${second}`;
    case 'setIssueState':
      return `would ${third === 'closed' ? 'close' : 'reopen'} ${repo}#${second}`;
    case 'scheduleTimer':
      return `would schedule the timer ${args[0]} for ${args[1]}`;
    default:
      return `would call ${call} ${JSON.stringify(args)}`;
  }
}
