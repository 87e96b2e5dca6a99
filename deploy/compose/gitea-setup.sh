#!/bin/sh
# One-shot bootstrap of the bundled Gitea for `docker compose up` (runs in the gitea image, as root,
# after Gitea is healthy, on Gitea's /data volume). Idempotent: every step checks before it acts.
#   1. the site admin ($GITEA_ADMIN_USER; password $GITEA_ADMIN_PASSWORD or generated into /bootstrap/admin-password)
#   2. the bot account ($BOT_USER) and its access token with the scopes operator-bot needs
#   3. /bootstrap/.env with GITEA_TOKEN and a generated WEBHOOK_SECRET (read by the bot and by init)
#   4. the org and the program repository (initialised: Gitea sends no test delivery for an empty repo)
#   5. the bot as an *admin* collaborator of the program repository
set -eu

: "${GITEA_URL:=http://gitea:3000}"
: "${PROGRAM_REPO:=fleet/program}"
: "${BOT_USER:=operator-bot}"
: "${GITEA_ADMIN_USER:=gitea-admin}"
OUT=${BOOTSTRAP_DIR:-/bootstrap}
CONF=${GITEA_APP_INI:-/data/gitea/conf/app.ini}
SCOPES=write:issue,write:repository,read:user,read:organization
ORG=${PROGRAM_REPO%%/*}
REPO=${PROGRAM_REPO#*/}

say() { printf 'gitea-setup: %s\n' "$*"; }
die() { say "$*" >&2; exit 1; }
g() { su-exec git gitea --config "$CONF" "$@"; }
random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
has_user() { g admin user list | awk 'NR > 1 { print $2 }' | grep -qix "$1"; }

mkdir -p "$OUT"
[ -s "$OUT/admin-password" ] || random_hex 18 > "$OUT/admin-password"
ADMIN_PASSWORD=${GITEA_ADMIN_PASSWORD:-$(cat "$OUT/admin-password")}

if has_user "$GITEA_ADMIN_USER"; then say "admin $GITEA_ADMIN_USER exists"; else
  g admin user create --admin --username "$GITEA_ADMIN_USER" --password "$ADMIN_PASSWORD" \
    --email "$GITEA_ADMIN_USER@localhost" --must-change-password=false
  say "created the admin $GITEA_ADMIN_USER (password in the bootstrap volume: admin-password)"
fi

if has_user "$BOT_USER"; then say "bot account $BOT_USER exists"; else
  g admin user create --username "$BOT_USER" --random-password --email "$BOT_USER@localhost" \
    --must-change-password=false
  say "created the bot account $BOT_USER"
fi

# A token can be read only when it is made: keep the one in .env, make one only when there is none.
if grep -q '^GITEA_TOKEN=.' "$OUT/.env" 2>/dev/null; then say "the bot's token is in .env"; else
  TOKEN=$(g admin user generate-access-token --username "$BOT_USER" \
    --token-name "operator-bot-$(date +%s)" --scopes "$SCOPES" --raw)
  [ -n "$TOKEN" ] || die "gitea did not print a token"
  printf 'GITEA_TOKEN=%s\nWEBHOOK_SECRET=%s\n' "$TOKEN" "$(random_hex 32)" > "$OUT/.env"
  say "made the bot's token (scopes $SCOPES) and a webhook secret"
fi

# api METHOD PATH BODY OK_CODES…: fails unless Gitea answers one of OK_CODES.
api() {
  method=$1 path=$2 body=$3
  shift 3
  code=$(curl -sS -o "$OUT/.answer" -w '%{http_code}' -X "$method" -u "$GITEA_ADMIN_USER:$ADMIN_PASSWORD" \
    -H 'Content-Type: application/json' -d "$body" "$GITEA_URL/api/v1$path")
  for ok in "$@"; do [ "$code" = "$ok" ] && return 0; done
  die "$method $path answered $code: $(cat "$OUT/.answer")"
}
# 422: the org exists; 409: the repository exists.
api POST /orgs "{\"username\":\"$ORG\",\"visibility\":\"public\"}" 201 422
api POST "/orgs/$ORG/repos" "{\"name\":\"$REPO\",\"auto_init\":true,\"default_branch\":\"main\"}" 201 409
api PUT "/repos/$ORG/$REPO/collaborators/$BOT_USER" '{"permission":"admin"}' 204
rm -f "$OUT/.answer"
say "$PROGRAM_REPO is ready; $BOT_USER is an admin of it"

# The bot's image runs as uid 1000 (node) and reads .env from this volume.
[ "$(id -u)" != 0 ] || chown -R 1000:1000 "$OUT"
chmod 600 "$OUT/.env" "$OUT/admin-password"
