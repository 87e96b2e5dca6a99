/** The help of each subcommand (`operator-bot SUBCOMMAND --help`); the contract is docs/INTERFACE.md. */
const SEE = 'See docs/INTERFACE.md ("Running it") and docs/PROGRAM.md for the rules.';

export const COMMAND_HELP: Record<string, string> = {
  serve: `operator-bot serve [--no-worker]

The webhook server (POST /webhooks/gitea, /healthz, /readyz, /metrics) and, unless --no-worker,
the worker, on one Redis (REDIS_URL, else an embedded redis-server on DATA_DIR that CLI commands
then share). Needs GITEA_URL, GITEA_TOKEN, WEBHOOK_SECRET, PROGRAM_REPO. Logs JSON lines to stdout.`,
  worker: `operator-bot worker

The worker only: runs queued events and timers. Start many on one Redis to scale out.`,
  replay: `operator-bot replay FILE [--event issues|issue_label|issue_assign|issue_comment] [--dry-run [--json]]

Processes one recorded webhook payload as if Gitea had delivered it. With --dry-run, starts from an
empty scratch state and prints each Gitea write it would make instead of sending it (--json: one
JSON object per write).`,
  operators: `operator-bot operators list [--json]
operator-bot operators history LOGIN [--json]
operator-bot operators import FILE.csv [--dry-run]

list: the operator registry (login, status, nodes, chain, wallet).
history: one operator's stints, node and wallet changes and requests, as recorded.
import: operators run by hand before the bot, from a CSV with the header
  login,wallet,chain,nodes,activated[,handle,region,mentor,referrer]
checked like an application (usernames, a wallet valid on its chain, nodes within
onboarding.maxNodes, a start date not in the future); every problem is listed at once and nothing
is imported while there is one. The operators are recorded in a closed issue of PROGRAM_REPO, so
\`rebuild\` keeps them. --dry-run checks and shows them without writing.`,
  payroll: `operator-bot payroll preview --month YYYY-MM [--json]
operator-bot payroll open --month YYYY-MM

preview prints the month's payroll as it stands (--json: the shape of docs/INTERFACE.md);
open opens (or refreshes) the month's "Payroll YYYY-MM" issue now.`,
  rebuild: `operator-bot rebuild [--repo owner/repo]…

Regrows the bot's state (instances, registry, reports) from the Gitea issue history of PROGRAM_REPO
and the given repositories.`,
  jobs: `operator-bot jobs failed [--json]
operator-bot jobs retry ID | --all

Jobs that failed after every retry, and running them again. A scheduled run that failed (the
month close, the weekly reminder, the credential check) is owed: the next catch-up runs it again
for its own month or week, and \`jobs failed\` says so; it needs no retry.`,
  'check-config': `operator-bot check-config

Validates the program config (PROGRAM_CONFIG or ./operator-bot.yaml), the templates and the
workflows; exit 1 naming the key and the reason.`,
  init: `operator-bot init --repo OWNER/REPO [--webhook-url URL] [--dry-run] [--wait SECONDS]

Installs the bot into a repository with GITEA_URL and GITEA_TOKEN (the bot's own token), and prints
a checklist of what it did and what is left:
  1. checks the token (a 401 stops: "token rejected"), its scopes (write:issue, write:repository,
     read:user, read:organization), the bot's admin role on the repo, the maintainer teams it sees;
  2. creates or corrects every label the bot uses (colours, descriptions, exclusive scopes);
  3. commits the issue forms (.gitea/ISSUE_TEMPLATE/, generated from the program config) and a
     starter operator-bot.yaml (maintainers: the repo's admins), or opens a pull request with them
     when the default branch is protected;
  4. creates or corrects the webhook (URL: --webhook-url, else PUBLIC_URL + /webhooks/gitea; JSON;
     the repository's own secret, derived from WEBHOOK_SECRET (or a generated one written to
     .env) and the repository's name; the events the bot reads), then
     has Gitea send its test delivery and waits (--wait, default 10 s) until the running bot
     verified it.
A second run changes nothing and says so. --dry-run writes nothing. Exit 1 when a check fails.`,
  doctor: `operator-bot doctor

The checks and steps of init for PROGRAM_REPO, without writing anything: what is wrong or missing,
and the fix. /readyz runs the same checks. Exit 1 when a check fails.`,
};

/** The help of `command`, or undefined for an unknown one. */
export function commandHelp(command: string): string | undefined {
  const help = COMMAND_HELP[command];
  return help && `${help}\n\n${SEE}`;
}
