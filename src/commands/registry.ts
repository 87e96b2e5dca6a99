import { helpCommand } from './help.js';
import { partnerReportCommand } from './partner-report.js';
import { reportCommand } from './report.js';
import { terminateCommand } from './terminate.js';
import type { ProgramCommand } from './types.js';

/** Every command usable in any issue. */
export const PROGRAM_COMMANDS: readonly ProgramCommand[] = [
  reportCommand,
  terminateCommand,
  partnerReportCommand,
  helpCommand(() => PROGRAM_COMMANDS),
];
