import { createHmac, randomUUID } from 'node:crypto';
import { hookSecret } from '../../src/intake/signature.js';
import { commentPayload, issueLabelPayload, signDelivery } from '../../test/support/deliveries.js';

/** The bot's WEBHOOK_SECRET. */
export const SECRET = 'bench-webhook-secret';
/** The repository every bench delivery names (the fixtures'). */
const REPO = commentPayload('created', '').repository.full_name;
/**
 * What the repository's hook signs with (src/intake/signature.ts hookSecret), so what every server
 * of the bench verifies: ours derives it from SECRET per delivery, the others are given it.
 */
export const HOOK_SECRET = hookSecret(SECRET, REPO);
/** The comment's size: Gitea's envelope around it (issue, repository, users) adds ~6.4 KB more. */
export const COMMENT_BYTES = 4096;

/** Where the comment id goes: a 10-digit number seen nowhere else in the payload. */
const ID_SENTINEL = 7_777_777_777;
/** Ids are 10 digits too, so every body has the same size. */
export const FIRST_ID = 1_000_000_000;

/** A signed `issue_comment` body cut where the comment id goes, so each request can have its own id. */
export type DeliveryTemplate = { parts: string[]; headers: Record<string, string> };

/**
 * A Gitea `issue_comment` (created) delivery, in Gitea's indented JSON, whose comment is padded with
 * prose to COMMENT_BYTES: a `/status` command (relevant: the bot queues it) or plain chatter
 * (irrelevant: answered 204). Both kinds have the same size.
 */
export function deliveryTemplate(kind: 'command' | 'chatter'): DeliveryTemplate {
  const first = kind === 'command' ? '/status' : 'Thanks, looking into it.';
  const comment = `${first}\n\n${filler(COMMENT_BYTES - first.length - 2)}`;
  const { body, headers } = signDelivery(
    commentPayload('created', comment, {
      issue: { body: 'Operator application (the form was filled in above).' },
      comment: { id: ID_SENTINEL },
    }),
    HOOK_SECRET,
  );
  const { 'X-Hub-Signature': _sha1, ...rest } = headers;
  return { parts: body.split(String(ID_SENTINEL)), headers: rest };
}

/**
 * An `issue_label` delivery (Gitea's `issue_label`, `label_updated`) of issue #40, which no
 * workflow runs on, labelled `question`: irrelevant (answered 204); its time is only kept in the
 * intake's memory (src/intake/issue-change-notes.ts). It has no comment id: `renderDelivery`
 * sends it as it is, signed afresh.
 */
export function issueChangeTemplate(): DeliveryTemplate {
  const { body, headers } = signDelivery(
    issueLabelPayload(['question'], { number: 40, issue: { number: 40 }, sender: { login: 'bob' } }),
    HOOK_SECRET,
  );
  const { 'X-Hub-Signature': _sha1, ...rest } = headers;
  return { parts: [body], headers: rest };
}

/** The body and headers of the delivery of comment `id`, freshly signed and with its own delivery id. */
export function renderDelivery(template: DeliveryTemplate, id: number) {
  const body = template.parts.join(String(id));
  const signature = createHmac('sha256', HOOK_SECRET).update(body).digest('hex');
  const delivery = randomUUID();
  const headers = {
    ...template.headers,
    'X-Gitea-Delivery': delivery,
    'X-Gogs-Delivery': delivery,
    'X-GitHub-Delivery': delivery,
    'X-Gitea-Signature': signature,
    'X-Gogs-Signature': signature,
    'X-Hub-Signature-256': `sha256=${signature}`,
  };
  return { body, headers };
}

const PROSE =
  'Node fsn1-a rebooted after the kernel update and came back within two minutes; ' +
  'the agent queue drained normally and no task was lost. ';

function filler(length: number): string {
  return PROSE.repeat(Math.ceil(length / PROSE.length)).slice(0, length);
}
