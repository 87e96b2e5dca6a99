import { atLeast } from '../access.js';
import type { ProtectionRecord } from '../records.js';
import { forbidden, ok } from '../route-result.js';
import type { Route } from './route.js';
import { inRepo } from './scopes.js';

/** `ToBranchProtection` (services/convert/convert.go), the rule's fields with empty lists. */
function toApiProtection(rule: ProtectionRecord) {
  return {
    branch_name: rule.ruleName,
    rule_name: rule.ruleName,
    enable_push: rule.enablePush,
    enable_push_whitelist: rule.enablePushWhitelist,
    push_whitelist_usernames: rule.pushWhitelistUsernames,
    push_whitelist_teams: [],
    push_whitelist_deploy_keys: false,
    enable_merge_whitelist: false,
    merge_whitelist_usernames: [],
    merge_whitelist_teams: [],
    enable_status_check: false,
    status_check_contexts: [],
    required_approvals: rule.requiredApprovals,
    enable_approvals_whitelist: false,
    approvals_whitelist_username: [],
    approvals_whitelist_teams: [],
    block_on_rejected_reviews: false,
    block_on_official_review_requests: false,
    block_on_outdated_branch: false,
    dismiss_stale_approvals: false,
    ignore_stale_approvals: false,
    require_signed_commits: false,
    protected_file_patterns: '',
    unprotected_file_patterns: '',
    created_at: rule.created,
    updated_at: rule.updated,
  };
}

export const branchProtectionRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/branch_protections',
    handle: (context) =>
      inRepo(context, ({ repo, mode }) => {
        // api.go: the `/branch_protections` group has `reqAdmin()`.
        if (!context.doer.isAdmin && !atLeast(mode, 'admin'))
          return forbidden(
            context.site,
            'user should be an owner or a collaborator with admin write of a repository',
          );
        return ok(context.state.protections.filter((rule) => rule.repoId === repo.id).map(toApiProtection));
      }),
  },
];
