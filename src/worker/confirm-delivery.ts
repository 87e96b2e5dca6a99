import { type GiteaClient, GiteaError, repoRef } from '../gitea/client.js';
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
};

/**
 * A delivery from a program repository other than PROGRAM_REPO, checked against Gitea. A close,
 * reopen or assignment is decided as by the person Gitea's timeline names (changedBy). A comment
 * delivery (`asOfComment`), read back (`GET /repos/{owner}/{repo}/issues/comments/{id}`), must be
 * in the event's issue and by the event's actor (user id, else login); the event to decide then
 * has the comment's writer (login and id) and text as Gitea has them now (the delivery's may be forged; a comment its writer
 * edited since is decided as edited, not dropped: an edit runs no command of its own) and no
 * `asOfComment`, so that its issue is read from Gitea too (src/worker/issue-now.ts) rather than
 * taken from the delivery; undefined when Gitea does not confirm it (a comment gone since (404)). Any other delivery from such a repository loses the user ids it names (`actorId`,
 * `issue.authorId`: who is called what is learnt from them, src/worker/identify.ts) but those Gitea
 * confirmed; PROGRAM_REPO's events and those not delivered are returned as they are, without a
 * read, but for the catch-up's close (of any repository), whose actor is asked of the timeline
 * too. Throws what Gitea throws otherwise (the job is retried).
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
) {
  const program = programRepo.toLowerCase();
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
    if (timelineType) return changedBy(gitea, unvouched, timelineType);
    if (!event.asOfComment || !event.comment) return unvouched;
    let comment: Awaited<ReturnType<GiteaClient['comment']>> | null;
    try {
      comment = await gitea.comment(repoRef(event.repo), event.comment.id);
    } catch (error) {
      if (error instanceof GiteaError && error.status === 404) return undefined;
      throw error;
    }
    // Gitea answers 204, no body, for the id of a timeline entry that is no plain comment.
    if (!comment) return undefined;
    // Gitea's issue_url / pull_request_url: the issue's web address, `…/owner/repo/issues/N` (`pulls/N`).
    const issueUrl = (comment.issue_url || comment.pull_request_url || '').toLowerCase();
    const place = `/${event.repo.toLowerCase()}/${event.issue.isPull ? 'pulls' : 'issues'}/${event.issue.number}`;
    const byActor =
      event.actorId !== undefined
        ? comment.user?.id === event.actorId
        : comment.user?.login?.toLowerCase() === event.actor.toLowerCase();
    if (!byActor || !issueUrl.endsWith(place)) return undefined;
    const { asOfComment: _issueFromDelivery, ...confirmedEvent } = event;
    // The text as Gitea has it: the delivery's may be forged, and a writer's quick edit must not drop the command.
    // Its writer as Gitea names them: a delivery matched by user id could still carry another login.
    const writer = {
      actor: comment.user?.login ?? event.actor,
      ...(comment.user?.id ? { actorId: comment.user.id } : {}),
    };
    return { ...confirmedEvent, ...writer, issue, comment: { ...event.comment, body: comment.body ?? '' } };
  };
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
  const newest = timeline.findLast((item) => among.includes(item.type ?? ''));
  const entry = newest?.type === type ? newest : undefined;
  const login = entry?.user?.login;
  if (!login) return undefined;
  return { ...event, actor: login, ...(entry.user?.id ? { actorId: entry.user.id } : {}) };
}

/** Whether the event's issue is deleted (Gitea answers 404 for it); throws what else the read throws. */
async function gone(gitea: Pick<GiteaClient, 'issue'>, event: BotEvent): Promise<boolean> {
  try {
    await gitea.issue(repoRef(event.repo), event.issue.number);
    return false;
  } catch (error) {
    if (error instanceof GiteaError && error.status === 404) return true;
    throw error;
  }
}
