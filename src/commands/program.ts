import type { ProgramCommand } from './command.js';
import { helpCommand } from './help.js';
import { nodesCommand } from './nodes.js';
import { partnerReportCommand } from './partner-report.js';
import { pingCommand } from './ping.js';
import { reportCommand } from './report.js';
import { rotatedCommand } from './rotated.js';
import { terminateCommand } from './terminate.js';
import { walletCommand } from './wallet.js';

/** Every command usable in any issue. */
export const PROGRAM_COMMANDS: readonly ProgramCommand[] = [
  reportCommand,
  terminateCommand,
  partnerReportCommand,
  rotatedCommand,
  pingCommand,
  nodesCommand,
  walletCommand,
  helpCommand(() => PROGRAM_COMMANDS),
];
