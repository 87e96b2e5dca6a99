import { toIso } from '../domain/time/instant.js';
import { type GiteaClient, GiteaError, notFoundAs, repoRef } from '../gitea/client.js';
import { editedAfterWriting } from '../gitea/edited-at.js';
import { type BotEvent, CATCH_UP_DELIVERY_ID } from '../gitea/event.js';

/**
 * What handleEvent answers for a delivery Gitea did not confirm: its job and dedupe mark are let go
 * (src/queue/event-worker.ts), so that it holds no key a real delivery needs. Gitea's ids are one
 * sequence for the instance: an admin of a program.repos repository could otherwise sign deliveries
 * of comment ids not yet written, and the comments later written with them (a maintainer's
 * command) would be dropped as duplicates, their catch-up twins too.
 */
export const UNCONFIRMED = 'unconfirmed';

/** Gitea's timeline entry type of each issue change whose actor is asked of Gitea (TimelineComment.type). */
const TIMELINE_TYPE: Partial<Record<BotEvent['kind'], string>> = {
  'issue.closed': 'close',
  'issue.reopened': 'reopen',
  'issue.assigned': 'assignees',
  'issue.labeled': 'label',
};

/**
 * A delivery from a program repository other than PROGRAM_REPO, as Gitea has it (each read is one
 * request):
 * - a close, reopen, assignment or label change: as made by the user of the issue's newest
 *   timeline entry of its type (changedBy; of a label change, the newest not by `botLogin`), at
 *   that entry's time;
 * - an opened or edited issue: opened by the issue's author at its creation, edited at its last
 *   update (asRead);
 * - a comment (`asOfComment`): the comment of that id read back
 *   (`GET /repos/{owner}/{repo}/issues/comments/{id}`: Gitea answers 404 for one of another
 *   repository), which must be in the event's issue; with its writer, text and time as Gitea has
 *   them, and no `asOfComment`, so that its issue is read from Gitea too (src/worker/issue-now.ts);
 *   a new comment edited since the second it was written has `comment.editedAt` (its commands
 *   are answered, not run: the editor may be another);
 * - undefined when Gitea has no such comment, change or issue, and for a deleted comment (Gitea
 *   has no record of who deleted it when);
 * - any other delivery loses the user ids it names (`actorId`, `issue.authorId`: who is called what
 *   is learnt from them, src/worker/identify.ts) but those Gitea confirmed.
 * PROGRAM_REPO's events and those not delivered are returned as they are, without a read, but for
 * the catch-up's close (of any repository), whose actor is asked of the timeline too. Throws what
 * Gitea throws otherwise (the job is retried).
 *
 * Why: a delivery is signed with its repository's own hook secret (src/intake/signature.ts
 * hookSecret), which Gitea shows to every admin of that repository. PROGRAM_REPO's admins are
 * maintainers (src/gitea/maintainers.ts), so its deliveries are taken as they come (`/approve` in
 * 3 requests); an admin of a `program.repos` repository is not, and could otherwise sign a
 * comment there as anyone (a maintainer's `/terminate @op`, an operator's `/report`) or with any
 * copy of the issue (an `exit-notice` by an operator: their exit started).
 */
export function createDeliveryConfirmation(
  gitea: Pick<GiteaClient, 'comment' | 'issue' | 'timeline'>,
  programRepo: string,
  botLogin: string,
) {
  const program = programRepo.toLowerCase();
  const bot = botLogin.toLowerCase();
  return async function confirmed(event: BotEvent): Promise<BotEvent | undefined> {
    // The catch-up's close names the issue's author (src/catch-up/synthesise.ts: the API's issue
    // does not say who closed it); Gitea's timeline does, in every repository.
    if (event.deliveryId === CATCH_UP_DELIVERY_ID && event.kind === 'issue.closed')
      return changedBy(gitea, event, 'close');
    if (event.repo.toLowerCase() === program) return event;
    const delivered = event.deliveryId !== undefined && event.deliveryId !== CATCH_UP_DELIVERY_ID;
    if (!delivered || event.internal || event.timer) return event;
    // The user ids a delivery names teach who is called what (identify.ts): kept only where Gitea vouched.
    const { actorId: _unvouched, ...withoutIds } = event;
    const { authorId: _read, ...issue } = event.issue;
    const unvouched: BotEvent = { ...withoutIds, issue };
    const timelineType = TIMELINE_TYPE[event.kind];
    if (timelineType) return changedBy(gitea, unvouched, timelineType, bot);
    if (event.kind === 'issue.opened' || event.kind === 'issue.edited') return asRead(gitea, unvouched);
    // Gitea keeps no record of a deleted comment (who deleted it, when): its delivery's sender and
    // time would be decided as sent (a workflow started by it: its last update in 2099, so no
    // later label removal was undone, engine/issue-changes.ts restoreLabel). It decides nothing else.
    if (event.kind === 'comment.deleted') return undefined;
    if (!event.asOfComment || !event.comment) return unvouched;
    // Gitea answers 204, no body, for the id of a timeline entry that is no plain comment; 404 for none.
    const comment = await notFoundAs(gitea.comment(repoRef(event.repo), event.comment.id), null);
    const place = comment ? placeOf(comment, event.repo) : undefined;
    // In the issue the job was ordered and locked under (its dedupe key names it too: admit.ts).
    const here = place?.number === event.issue.number && place.isPull === event.issue.isPull;
    if (!comment?.user?.login || !here || !comment.created_at) return undefined;
    const at =
      event.kind === 'comment.created' ? comment.created_at : (comment.updated_at ?? comment.created_at);
    // Edited since it was written: by its writer or by any of the repository's writers, which
    // Gitea does not say (src/gitea/edited-at.ts).
    const editedAt =
      event.kind === 'comment.created' ? editedAfterWriting(comment.created_at, comment.updated_at) : {};
    const { asOfComment: _issueFromDelivery, ...confirmedEvent } = event;
    // The comment as Gitea has it, whatever the delivery said of it: its writer, text (a writer's
    // quick edit must not drop the command) and time (an acknowledgement's response time). So
    // whichever delivery of this id in this issue took its dedupe key first — one signed in advance
    // for the id Gitea gives next included — the comment decided is the real one. Without
    // `asOfComment` its issue is read from Gitea too.
    return {
      ...confirmedEvent,
      actor: comment.user.login,
      ...(comment.user.id ? { actorId: comment.user.id } : {}),
      at: toIso(at),
      issue,
      comment: {
        id: event.comment.id,
        body: comment.body ?? '',
        createdAt: toIso(comment.created_at),
        ...editedAt,
      },
    };
  };
}

/**
 * The issue of a comment Gitea read back, from its `issue_url` / `pull_request_url` (the issue's
 * web address, `…/{owner}/{repo}/issues/{n}` or `…/pulls/{n}`: services/convert/comment.go
 * ToAPIComment); undefined when it is not in `repo`.
 */
function placeOf(
  comment: { issue_url?: string; pull_request_url?: string },
  repo: string,
): { number: number; isPull: boolean } | undefined {
  const url = (comment.issue_url || comment.pull_request_url || '').toLowerCase();
  const match = /\/([^/]+\/[^/]+)\/(issues|pulls)\/(\d+)$/.exec(url);
  if (!match || match[1] !== repo.toLowerCase()) return undefined;
  return { number: Number(match[3]), isPull: match[2] === 'pulls' };
}

/**
 * An opened or edited issue delivery as Gitea has the issue now: its author opened it (`actor`),
 * at its creation time; an edit is stamped with the issue's last update. Undefined when the issue
 * is gone (404). The issue fields themselves are read again before deciding (issue-now.ts).
 */
async function asRead(gitea: Pick<GiteaClient, 'issue'>, event: BotEvent): Promise<BotEvent | undefined> {
  const issue = await notFoundAs(gitea.issue(repoRef(event.repo), event.issue.number), undefined);
  if (!issue) return undefined;
  const at = event.kind === 'issue.opened' ? issue.created_at : issue.updated_at;
  if (!at) return undefined;
  if (event.kind === 'issue.edited') return { ...event, at: toIso(at) };
  const author = issue.user;
  if (!author?.login) return undefined;
  return { ...event, actor: author.login, ...(author.id ? { actorId: author.id } : {}), at: toIso(at) };
}

/**
 * A close, reopen or assignment delivery with its actor as Gitea has it: the user of the issue's
 * newest timeline entry of that type (`close`, `reopen`, `assignees`); undefined when there is
 * none, when a close or reopen is not the newest of the two (undone since), or when there is no
 * issue any more (its timeline fails and the issue reads 404). Who made the change decides whether it stands (src/engine/issue-changes.ts undoOpenClose)
 * or moves the workflow (an alert's `assigned`: its responsible operator and response bonus).
 */
async function changedBy(
  gitea: Pick<GiteaClient, 'issue' | 'timeline'>,
  event: BotEvent,
  type: string,
  bot?: string,
): Promise<BotEvent | undefined> {
  let timeline: Awaited<ReturnType<GiteaClient['timeline']>>;
  try {
    timeline = await gitea.timeline(repoRef(event.repo), event.issue.number);
  } catch (error) {
    // The issue deleted since (Gitea sends no webhook for that, go-gitea/gitea#34591): nothing to
    // decide. Its timeline answers 500, not 404 (routers/api/v1/repo/issue_comment.go
    // ListIssueCommentsAndTimeline), so the issue itself is asked: a 404 there says it is gone.
    if (error instanceof GiteaError && (await gone(gitea, event))) return undefined;
    throw error;
  }
  // A close or reopen stands only while no later one undid it: an older close would otherwise
  // confirm a close delivered while the issue is open.
  const among = type === 'close' || type === 'reopen' ? ['close', 'reopen'] : [type];
  // The bot's own label changes (a state or severity label) come as no delivery it acts on: one
  // made after a person's, before the person's delivery is handled, would name the bot, and the
  // person's change would be dropped as the bot's own (handle-event.ts). A close or reopen by the
  // bot does undo a person's: that one counts.
  const byPeople = (item: { user?: { login?: string } }) =>
    type !== 'label' || item.user?.login?.toLowerCase() !== bot;
  const newest = timeline.findLast((item) => among.includes(item.type ?? '') && byPeople(item));
  const entry = newest?.type === type ? newest : undefined;
  const login = entry?.user?.login;
  if (!login) return undefined;
  return {
    ...event,
    actor: login,
    ...(entry.user?.id ? { actorId: entry.user.id } : {}),
    // When it was made, as Gitea has it: a close resolves an alert at this time.
    ...(entry.created_at ? { at: toIso(entry.created_at) } : {}),
  };
}

/** Whether the event's issue is deleted (Gitea answers 404 for it); throws what else the read throws. */
async function gone(gitea: Pick<GiteaClient, 'issue'>, event: BotEvent): Promise<boolean> {
  return (await notFoundAs(gitea.issue(repoRef(event.repo), event.issue.number), 'gone')) === 'gone';
}
