import type { CommandLine } from '../commands/parse.js';
import { inert } from './inert.js';

/** A command line quoted back at the start of the bot's answer to it, inert (see `inert`). */
export const echo = (command: Pick<CommandLine, 'raw'>): string => inert(command.raw).text;
