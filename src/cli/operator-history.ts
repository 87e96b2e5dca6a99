import type { Env } from '../config/env.js';
import type { HistoryEvent } from '../domain/history/events.js';
import { orderedEvents } from '../domain/history/timeline.js';
import { createOperatorStore } from '../store/operators.js';
import { withRedis } from './redis.js';
import { formatTable } from './table.js';

/** What one history event says, in a line. */
function describe(event: HistoryEvent): string {
  switch (event.type) {
    case 'activated':
      return `activated: ${event.nodes} node(s), ${event.chain} ${event.wallet}, ${event.region}${event.mentor ? `, mentor @${event.mentor}` : ''}${event.referrer ? `, referred by @${event.referrer}` : ''} (${event.applicationIssue})`;
    case 'notice':
      return 'exit notice given';
    case 'ended':
      return `${event.kind}${event.lastDay ? `, last active day ${event.lastDay.slice(0, 10)}` : ', no last day recorded'}${event.reason ? `: ${event.reason}` : ''}`;
    case 'nodes':
      return `${event.nodes} node(s) from ${event.from}`;
    case 'nodes-requested':
      return `asked for ${event.nodes} node(s) from ${event.from}`;
    case 'wallet':
      return `wallet ${event.chain} ${event.wallet} from ${event.from}`;
  }
}

/**
 * `operators history LOGIN [--json]`: the operator's history (stints, node and wallet changes,
 * requests) in recording order, each fact once; exit code 1 when the login is not in the registry.
 */
export async function runOperatorHistory(
  env: Env,
  login: string,
  options: { json: boolean },
): Promise<number> {
  const history = await withRedis(env, (redis) => createOperatorStore(redis).history(login));
  if (!history) {
    console.error(`@${login} is not in the operator registry.`);
    return 1;
  }
  const events = orderedEvents(history);
  if (options.json) console.log(JSON.stringify({ login: history.login, events }, null, 2));
  else
    console.log(
      formatTable(
        [
          ['RECORDED', (e: HistoryEvent) => e.at.slice(0, 16).replace('T', ' ')],
          ['BY', (e: HistoryEvent) => (e.by ? `@${e.by}` : '-')],
          ['EVENT', describe],
        ],
        events,
      ),
    );
  return 0;
}
