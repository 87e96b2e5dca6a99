/**
 * How Gitea 1.22 turns a hook's `events` into its checkboxes and back.
 *
 * In (routers/api/v1/utils/hook.go, `addHook`/`editHook`): `issues` switches on *every* issue
 * checkbox (issues, issue_assign, issue_label, issue_milestone, issue_comment) and `issues_only`
 * the Issues checkbox alone; likewise `pull_request` / `pull_request_only` for pull requests.
 * No events at all means `push`.
 * Out (models/webhook/webhook.go, `EventsArray`): one name per checkbox, the Issues checkbox as
 * `issues`, Pull Request as `pull_request`; the Pull Request Comment checkbox reads as both
 * `pull_request_comment` and `pull_request_review_comment`, Pull Request Reviewed as
 * `pull_request_review_approved` and `pull_request_review_rejected`.
 */
const ISSUE_BOXES = ['issue_assign', 'issue_label', 'issue_milestone', 'issue_comment'];
const PULL_BOXES = [
  'pull_request_assign',
  'pull_request_label',
  'pull_request_milestone',
  'pull_request_comment',
  'pull_request_review',
  'pull_request_review_request',
  'pull_request_sync',
];
const PLAIN_BOXES = ['create', 'delete', 'fork', 'push', 'wiki', 'repository', 'release'];

export function checkboxesFor(events: readonly string[] | undefined): Set<string> {
  const wanted = (events ?? []).length === 0 ? ['push'] : (events ?? []).map((e) => e.toLowerCase());
  const has = (name: string) => wanted.includes(name);
  const boxes = new Set<string>();
  for (const box of PLAIN_BOXES) if (has(box)) boxes.add(box);
  if (has('issues') || has('issues_only')) boxes.add('issues');
  for (const box of ISSUE_BOXES) if (has('issues') || has(box)) boxes.add(box);
  if (has('pull_request') || has('pull_request_only')) boxes.add('pull_request');
  for (const box of PULL_BOXES) if (has('pull_request') || has(box)) boxes.add(box);
  return boxes;
}

/** `EventsArray` of Gitea 1.22, in its order. */
export function eventsArray(boxes: ReadonlySet<string>): string[] {
  const order: [string, string][] = [
    ['create', 'create'],
    ['delete', 'delete'],
    ['fork', 'fork'],
    ['push', 'push'],
    ['issues', 'issues'],
    ['issue_assign', 'issue_assign'],
    ['issue_label', 'issue_label'],
    ['issue_milestone', 'issue_milestone'],
    ['issue_comment', 'issue_comment'],
    ['pull_request', 'pull_request'],
    ['pull_request_assign', 'pull_request_assign'],
    ['pull_request_label', 'pull_request_label'],
    ['pull_request_milestone', 'pull_request_milestone'],
    ['pull_request_comment', 'pull_request_comment'],
    ['pull_request_review', 'pull_request_review_approved'],
    ['pull_request_review', 'pull_request_review_rejected'],
    ['pull_request_comment', 'pull_request_review_comment'],
    ['pull_request_sync', 'pull_request_sync'],
    ['wiki', 'wiki'],
    ['repository', 'repository'],
    ['release', 'release'],
    ['pull_request_review_request', 'pull_request_review_request'],
  ];
  return order.filter(([box]) => boxes.has(box)).map(([, name]) => name);
}
