import type { BotEvent } from '../../src/gitea/event.js';
import { normalizeDelivery } from '../../src/gitea/normalize.js';
import { type DeliveryPayload, deliveryEvent } from './deliveries.js';

/** The event a Gitea-shaped delivery becomes, as the worker builds it (its X-Gitea-Delivery: `deliveryId`). */
export function deliveredEvent(payload: DeliveryPayload, deliveryId = 'delivery-1'): BotEvent {
  const normalized = normalizeDelivery(deliveryEvent(payload).eventType, payload, deliveryId);
  if (normalized.outcome !== 'event') throw new Error(normalized.reason);
  return normalized.event;
}

/** An internal event as the normaliser would produce it, for pure-logic tests. */
export function botEvent(
  overrides: Partial<Omit<BotEvent, 'issue'>> & { issue?: Partial<BotEvent['issue']> } = {},
): BotEvent {
  const { issue, ...rest } = overrides;
  return {
    kind: 'issue.labeled',
    repo: 'fleet/program',
    actor: 'alice',
    at: '2026-11-20T10:00:00.000Z',
    ...rest,
    issue: {
      number: 7,
      id: 1007,
      title: 'Operator application: alice',
      body: '',
      author: 'alice',
      state: 'open',
      labels: ['operator-application'],
      assignees: [],
      createdAt: '2026-11-20T09:59:00.000Z',
      isPull: false,
      ...issue,
    },
  };
}
