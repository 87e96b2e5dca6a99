import { atLeast } from '../access.js';
import { normalizeColor } from '../label-color.js';
import { paginate, pagingHeaders } from '../paging.js';
import { byLabelName, toApiLabel } from '../represent/label.js';
import { created, notFound, ok, unprocessable, writeRequired } from '../route-result.js';
import type { Route } from './route.js';
import { inRepo } from './scopes.js';

interface CreateLabelOption {
  name: string;
  color: string;
  description?: string;
  exclusive?: boolean;
  is_archived?: boolean;
}

export const labelRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/labels',
    handle: (context) =>
      inRepo(context, ({ repo }) => {
        const page = paginate(context.state.repoLabels(repo.id).sort(byLabelName), context.query);
        return ok(
          page.items.map((label) => toApiLabel(label, context.represent)),
          pagingHeaders(context.site, context.url, page, false),
        );
      }),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/labels',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => {
        if (!atLeast(mode, 'write')) return writeRequired(context.site);
        const form = context.body as CreateLabelOption;
        if (!form.name) return unprocessable(context.site, '[Name]: Required');
        const color = normalizeColor(form.color);
        if (!color) return unprocessable(context.site, `invalid color: ${form.color}`);
        const label = {
          id: context.state.ids.label.take(),
          repoId: repo.id,
          name: form.name,
          color,
          description: form.description ?? '',
          exclusive: form.exclusive ?? false,
          isArchived: form.is_archived ?? false,
        };
        context.state.labels.push(label);
        return created(toApiLabel(label, context.represent));
      }),
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/labels/{id}',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => {
        if (!atLeast(mode, 'write')) return writeRequired(context.site);
        const label = context.state.label(Number(context.params.id));
        if (!label || label.repoId !== repo.id) return notFound(context.site);
        const form = context.body as Partial<CreateLabelOption>;
        if (form.color !== undefined) {
          const color = normalizeColor(form.color);
          if (!color) return unprocessable(context.site, `invalid color: ${form.color}`);
          label.color = color;
        }
        if (form.name !== undefined) label.name = form.name;
        if (form.description !== undefined) label.description = form.description;
        if (form.exclusive !== undefined) label.exclusive = form.exclusive;
        if (form.is_archived !== undefined) label.isArchived = form.is_archived;
        return ok(toApiLabel(label, context.represent));
      }),
  },
];
