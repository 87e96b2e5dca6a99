import { defaultProgramConfig, type ProgramConfig } from '../../../../src/config/program.js';
import type { OperatorRecord } from '../../../../src/domain/operator-record.js';
import {
  type Adjustment,
  type CriticalAlertResponse,
  computePayroll,
  type Hold,
  type MonthlyMetrics,
  type Payroll,
  type PayrollLine,
} from '../../../../src/domain/payroll/index.js';

export const CONFIG = defaultProgramConfig();

/** An active one-node operator on Base, activated long ago; override what the case is about. */
export function operator(login: string, overrides: Partial<OperatorRecord> = {}): OperatorRecord {
  return {
    login,
    handle: `${login}-handle`,
    wallet: `0x${'ab'.repeat(20)}`,
    chain: 'base',
    nodes: 1,
    region: 'eu-central',
    activatedAt: '2024-01-01',
    status: 'active',
    applicationIssue: '1',
    ...overrides,
  };
}

export function metrics(
  login: string,
  month: string,
  overrides: Partial<MonthlyMetrics> = {},
): MonthlyMetrics {
  return { login, month, tasksCompleted: 0, tasksDispatched: 0, reportedWeeks: 4, ...overrides };
}

export interface Inputs {
  metrics?: MonthlyMetrics[];
  alerts?: CriticalAlertResponse[];
  adjustments?: Adjustment[];
  holds?: Hold[];
  partnerReports?: string[];
  config?: ProgramConfig;
}

export function payroll(month: string, operators: OperatorRecord[], inputs: Inputs = {}): Payroll {
  return computePayroll({ month, operators, config: CONFIG, ...inputs });
}

export function lineOf(result: Payroll, login: string): PayrollLine {
  const line = result.lines.find((candidate) => candidate.operator === login);
  if (line === undefined) throw new Error(`no line for ${login} in ${result.month}`);
  return line;
}

/** The line of a single operator alone in the month's payroll. */
export function soloLine(month: string, record: OperatorRecord, inputs: Inputs = {}): PayrollLine {
  return lineOf(payroll(month, [record], inputs), record.login);
}

export function withConfig(change: (config: ProgramConfig) => void): ProgramConfig {
  const config = defaultProgramConfig();
  change(config);
  return config;
}
