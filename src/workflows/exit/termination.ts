import { readTermination, type Termination } from '../../domain/exit/termination-marker.js';
import type { Facts } from '../../engine/module.js';
import type { BotEvent } from '../../gitea/event.js';

/** A termination marker counts only in an issue the bot opened itself (nobody can forge one). */
export function trustedTermination(event: BotEvent, facts: Facts): Termination | undefined {
  if (!facts.botLogin || event.issue.author.toLowerCase() !== facts.botLogin.toLowerCase()) return undefined;
  return readTermination(event.issue.body);
}
