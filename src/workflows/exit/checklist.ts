export const CHECKLIST_ITEMS = ['access', 'tasks', 'credentials', 'report'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

type ItemRule = { text: string; byOperator: boolean; byMaintainer: boolean };

/** The transition checklist of a voluntary exit (PROGRAM.md): what the operator does, what maintainers verify. */
export const NOTICE_CHECKLIST: Record<ChecklistItem, ItemRule> = {
  access: {
    text: 'Node access transferred to the Foundation or a successor',
    byOperator: true,
    byMaintainer: true,
  },
  tasks: { text: 'Active tasks handed over', byOperator: true, byMaintainer: false },
  credentials: {
    text: 'Foundation-owned credentials and hardware returned',
    byOperator: true,
    byMaintainer: true,
  },
  report: { text: 'Final metrics report submitted', byOperator: true, byMaintainer: false },
};

/** The access-revocation checklist of a termination: maintainers' work only. */
export const TERMINATION_CHECKLIST: Partial<Record<ChecklistItem, ItemRule>> = {
  access: { text: 'Node access revoked', byOperator: false, byMaintainer: true },
  credentials: {
    text: 'Foundation credentials the operator held rotated',
    byOperator: false,
    byMaintainer: true,
  },
  tasks: { text: 'The operator’s tasks reassigned', byOperator: false, byMaintainer: true },
};

export const parseItem = (text: string | undefined): ChecklistItem | undefined =>
  (CHECKLIST_ITEMS as readonly string[]).includes(text?.toLowerCase() ?? '')
    ? (text?.toLowerCase() as ChecklistItem)
    : undefined;
