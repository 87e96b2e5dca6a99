import type { ProgramConfig } from '../../config/program.js';
import { formatDollars } from '../../domain/payroll/amount.js';
import type { Payroll } from '../../domain/payroll/index.js';
import type { Effect } from '../../engine/effects.js';

/**
 * Each partner with a commission this month is told once, in the payroll issue, what it is made
 * of and that it is held until the monthly partner report is filed (PROGRAM.md, "Partner program").
 */
export function partnerStatements(config: ProgramConfig, payroll: Payroll | undefined): Effect[] {
  const percent = config.partners.commissionPercent;
  return (payroll?.lines ?? [])
    .filter((line) => line.commissionCents > 0)
    .map((line) => {
      const referred = line.commissionDetails
        .map(
          (c) =>
            `@${c.referred} (month ${c.monthIndex} of ${config.partners.months}): ${percent}% of ${formatDollars(c.baseCents + c.bonusCents)} = ${formatDollars(c.commissionCents)}`,
        )
        .join('; ');
      const held =
        line.commissionHeldCents > 0
          ? ` It is held until you file the monthly partner report (mentorship log confirmed) with \`/partner-report ${payroll?.month}\`.`
          : '';
      return {
        type: 'postNote' as const,
        key: `partner-statement-${line.operator.toLowerCase()}`,
        body: `@${line.operator}, your partner statement for ${payroll?.month}: ${referred} — total ${formatDollars(line.commissionCents)}.${held}`,
      };
    });
}
