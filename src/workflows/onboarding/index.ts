import type { WorkflowCode } from '../../engine/load.js';

const STATE_TEXT: Record<string, { title: string; description: string; next?: string }> = {
  screening: {
    title: 'Screening',
    description: 'Your application has been received and is waiting for a maintainer to review it.',
    next: 'a maintainer reviews the application and answers with `/approve` or `/reject REASON`.',
  },
};

export const onboardingCode: WorkflowCode = {
  guards: {},
  actions: {
    recordApplicant: ({ event }) => ({ data: { applicant: event.issue.author } }),
  },
  statusView: (instance) => {
    const text = STATE_TEXT[instance.state] ?? { title: instance.state, description: '' };
    return {
      applicant: instance.data.applicant ?? '',
      stateTitle: text.title,
      stateDescription: text.description,
      next: text.next,
    };
  },
};
