#!/bin/sh
# fleet-metrics.sh: gather this node's weekly metrics and print (or post) the operator-bot
# `/report` command. POSIX sh; needs only coreutils, awk and df, plus curl for --post.
set -eu

usage() {
  cat <<'EOF'
Usage: fleet-metrics.sh [--tasks COMPLETED/DISPATCHED] [--week YYYY-Www] [--note TEXT]
                        [--uptime PERCENT] [--multiline] [--post ISSUE] [--help]

Gathers this node's metrics and prints the operator-bot /report command for the weekly report:

  /report uptime=99.72 tasks=42/44 cpu=35.2 mem=60.1 disk=70

Run it on Monday for the week that just ended (the bot files a report without week= under
the previous ISO week).

Metrics
  uptime  from /proc/uptime: 100 when the node has been up for 7 days or more, otherwise the
          share of the past 7 days since the last boot (rounded down). This is deliberately
          simple: time before the last boot counts as down, however short the reboot was. If
          your monitoring knows better, pass --uptime PERCENT.
  cpu     busy share of all CPUs over 1 second (two samples of /proc/stat).
  mem     (MemTotal - MemAvailable) / MemTotal from /proc/meminfo.
  disk    use of the filesystem holding / (df -P).
  tasks   --tasks COMPLETED/DISPATCHED, or the variables TASKS_COMPLETED and TASKS_DISPATCHED.
          Required.
  cpu, mem and disk are left out (with a warning) when they cannot be read.

Options
  --tasks C/D       tasks completed / dispatched this week
  --week YYYY-Www   the ISO week reported (default: the bot takes the previous week)
  --note TEXT       free text added to the report (one line)
  --uptime PERCENT  report this uptime instead of the /proc/uptime estimate
  --multiline       print one "key: value" line per metric instead of one line
  --post ISSUE      also post the report as a comment on issue number ISSUE, using
                    GITEA_URL (e.g. https://gitea.example.org), GITEA_REPO (owner/repo) and
                    GITEA_TOKEN (your own access token; it is never printed)
  --help            this text

Environment (for testing): PROC_ROOT (default /proc), DF_TARGET (default /),
CPU_SAMPLE_SECONDS (default 1).

Exit status: 0 done, 1 a metric could not be read or the post failed, 2 bad usage.
EOF
}

warn() { printf 'fleet-metrics: %s\n' "$*" >&2; }
usage_error() { warn "$*"; warn 'see fleet-metrics.sh --help'; exit 2; }
fail() { warn "$*"; exit 1; }

PROC_ROOT=${PROC_ROOT:-/proc}
DF_TARGET=${DF_TARGET:-/}
CPU_SAMPLE_SECONDS=${CPU_SAMPLE_SECONDS:-1}

tasks='' week='' note='' uptime='' multiline=0 issue=''

need_value() {
  [ "$2" -ge 2 ] || usage_error "$1 needs a value"
}

while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --multiline) multiline=1 ;;
    --tasks) need_value "$1" $#; tasks=$2; shift ;;
    --tasks=*) tasks=${1#--tasks=} ;;
    --week) need_value "$1" $#; week=$2; shift ;;
    --week=*) week=${1#--week=} ;;
    --note) need_value "$1" $#; note=$2; shift ;;
    --note=*) note=${1#--note=} ;;
    --uptime) need_value "$1" $#; uptime=$2; shift ;;
    --uptime=*) uptime=${1#--uptime=} ;;
    --post) need_value "$1" $#; issue=$2; shift ;;
    --post=*) issue=${1#--post=} ;;
    *) usage_error "unknown option: $1" ;;
  esac
  shift
done

# ---- checks on what was given ----------------------------------------------------------------

is_percent() {
  case $1 in '' | . | *[!0-9.]* | *.*.*) return 1 ;; esac
  awk -v v="$1" 'BEGIN { exit !(v + 0 <= 100) }'
}

if [ -z "$tasks" ] && [ -n "${TASKS_COMPLETED:-}${TASKS_DISPATCHED:-}" ]; then
  tasks="${TASKS_COMPLETED:-}/${TASKS_DISPATCHED:-}"
fi
[ -n "$tasks" ] || usage_error 'tasks are required: pass --tasks COMPLETED/DISPATCHED or set TASKS_COMPLETED and TASKS_DISPATCHED'
case $tasks in
  */*/* | /* | */ | *[!0-9/]*) usage_error "tasks must be COMPLETED/DISPATCHED in whole numbers, e.g. 42/44 (got: $tasks)" ;;
  */*) ;;
  *) usage_error "tasks must be COMPLETED/DISPATCHED in whole numbers, e.g. 42/44 (got: $tasks)" ;;
esac
awk -v c="${tasks%/*}" -v d="${tasks#*/}" 'BEGIN { exit !(c + 0 <= d + 0) }' ||
  usage_error "tasks: ${tasks%/*} completed is more than ${tasks#*/} dispatched"

case $week in
  '' | [0-9][0-9][0-9][0-9]-W[0-5][0-9]) ;;
  *) usage_error "--week must be an ISO week like 2026-W47 (got: $week)" ;;
esac
if [ -n "$uptime" ] && ! is_percent "$uptime"; then
  usage_error "--uptime must be a percentage from 0 to 100 (got: $uptime)"
fi
case $issue in
  '') ;;
  *[!0-9]* | 0*) usage_error "--post needs an issue number (got: $issue)" ;;
esac
if [ -n "$issue" ]; then
  [ -n "${GITEA_URL:-}" ] || usage_error '--post needs GITEA_URL, e.g. GITEA_URL=https://gitea.example.org'
  [ -n "${GITEA_TOKEN:-}" ] || usage_error '--post needs GITEA_TOKEN, an access token of yours that can comment on issues'
  case ${GITEA_REPO:-} in
    */*/* | /* | */ | *[!A-Za-z0-9._/-]*) usage_error '--post needs GITEA_REPO=owner/repo' ;;
    */*) ;;
    *) usage_error '--post needs GITEA_REPO=owner/repo' ;;
  esac
  case $GITEA_TOKEN in
    *[!!-~]*) usage_error 'GITEA_TOKEN contains spaces or control characters' ;;
  esac
  command -v curl >/dev/null 2>&1 || fail '--post needs curl'
fi
case $CPU_SAMPLE_SECONDS in
  '' | *[!0-9.]*) usage_error "CPU_SAMPLE_SECONDS must be a number of seconds" ;;
esac
# The note goes on one line, without control characters.
note=$(printf '%s' "$note" | tr '\t\r\n' '   ' | tr -d '\000-\037\177')

# ---- metrics ---------------------------------------------------------------------------------

# Prints a percentage with at most one decimal and no trailing zeros, clamped to 0..100.
AWK_FORMAT='
function clamp(v) { v += 0; return v < 0 ? 0 : (v > 100 ? 100 : v) }
function trim(s) { if (index(s, ".")) { sub(/0+$/, "", s); sub(/\.$/, "", s) } return s }
function pct1(v) { return trim(sprintf("%.1f", clamp(v))) }
'

measure_uptime() {
  [ -r "$PROC_ROOT/uptime" ] || fail "cannot read $PROC_ROOT/uptime (pass --uptime PERCENT instead)"
  awk "$AWK_FORMAT"'
    NR == 1 {
      s = $1 + 0
      if (s >= 604800) { print "100"; exit }
      # rounded down to 2 decimals: never claims more uptime than measured
      print trim(sprintf("%.2f", int(s * 10000 / 604800) / 100))
      printf "fleet-metrics: this node booted %.1f days ago; the time before the boot counts as down (pass --uptime PERCENT if you know better)\n", s / 86400 > "/dev/stderr"
      exit
    }' "$PROC_ROOT/uptime"
}

cpu_sample() {
  # total jiffies (user..steal) and idle + iowait jiffies of the "cpu" line
  awk '$1 == "cpu" { t = 0; for (i = 2; i <= 9 && i <= NF; i++) t += $i; print t, $5 + $6; exit }' "$PROC_ROOT/stat"
}

measure_cpu() {
  [ -r "$PROC_ROOT/stat" ] || return 0
  first=$(cpu_sample)
  sleep "$CPU_SAMPLE_SECONDS"
  second=$(cpu_sample)
  # No change between the samples (a frozen /proc): fall back to the average since boot.
  printf '%s %s\n' "$first" "$second" | awk "$AWK_FORMAT"'
    NF == 4 {
      total = $3 - $1; idle = $4 - $2
      if (total <= 0) { total = $3; idle = $4 }
      if (total > 0) print pct1(100 * (total - idle) / total)
    }'
}

measure_mem() {
  [ -r "$PROC_ROOT/meminfo" ] || return 0
  awk "$AWK_FORMAT"'
    $1 == "MemTotal:" { total = $2 }
    $1 == "MemAvailable:" { available = $2; known = 1 }
    $1 == "MemFree:" { free = $2 }
    $1 == "Buffers:" { buffers = $2 }
    $1 == "Cached:" { cached = $2 }
    END {
      if (!known) available = free + buffers + cached  # kernels before 3.14
      if (total > 0) print pct1(100 * (total - available) / total)
    }' "$PROC_ROOT/meminfo"
}

measure_disk() {
  df -P "$DF_TARGET" 2>/dev/null | awk "$AWK_FORMAT"'
    NR == 2 { use = $5; if (sub(/%$/, "", use) && use ~ /^[0-9]+$/) print pct1(use) }' || true
}

if [ -z "$uptime" ]; then uptime=$(measure_uptime); fi
cpu=$(measure_cpu) || cpu=''
mem=$(measure_mem) || mem=''
disk=$(measure_disk) || disk=''
[ -n "$cpu" ] || warn "cpu left out: cannot read $PROC_ROOT/stat"
[ -n "$mem" ] || warn "mem left out: cannot read $PROC_ROOT/meminfo"
[ -n "$disk" ] || warn "disk left out: df -P $DF_TARGET gave no use%"

# ---- the report ------------------------------------------------------------------------------

if [ "$multiline" = 1 ]; then
  report="/report
uptime: $uptime%
tasks: $tasks"
  if [ -n "$cpu" ]; then report="$report
cpu: $cpu%"; fi
  if [ -n "$mem" ]; then report="$report
mem: $mem%"; fi
  if [ -n "$disk" ]; then report="$report
disk: $disk%"; fi
  if [ -n "$week" ]; then report="$report
week: $week"; fi
  if [ -n "$note" ]; then report="$report
note: $note"; fi
else
  report="/report uptime=$uptime tasks=$tasks"
  if [ -n "$cpu" ]; then report="$report cpu=$cpu"; fi
  if [ -n "$mem" ]; then report="$report mem=$mem"; fi
  if [ -n "$disk" ]; then report="$report disk=$disk"; fi
  if [ -n "$week" ]; then report="$report week=$week"; fi
  if [ -n "$note" ]; then report="$report note=$note"; fi
fi
printf '%s\n' "$report"

[ -n "$issue" ] || exit 0

# ---- --post ----------------------------------------------------------------------------------

# Replaces every occurrence of the token with *** (plain text match, not a pattern).
redact() {
  awk 'BEGIN { t = ENVIRON["GITEA_TOKEN"] }
    { out = ""; while (t != "" && (i = index($0, t)) > 0) { out = out substr($0, 1, i - 1) "***"; $0 = substr($0, i + length(t)) } print out $0 }'
}
post_fail() {
  printf '%s\n' "$*" | redact | while IFS= read -r line; do warn "$line"; done
  exit 1
}

base=${GITEA_URL%/}
url="$base/api/v1/repos/$GITEA_REPO/issues/$issue/comments"
tmp=$(umask 077 && mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# JSON string: escape \ and ", join the lines with \n (the text has no other control characters).
printf '%s\n' "$report" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' |
  awk 'BEGIN { ORS = ""; print "{\"body\":\"" } NR > 1 { print "\\n" } { print } END { print "\"}\n" }' >"$tmp/body.json"

# The token goes to curl as a config line on stdin, so it is not on any command line.
escaped_token=$(printf '%s' "$GITEA_TOKEN" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')
status=$(printf 'header = "Authorization: token %s"\n' "$escaped_token" |
  curl -sS -K - -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' \
    --data-binary "@$tmp/body.json" -o "$tmp/response" -w '%{http_code}' "$url" 2>"$tmp/curl-error") ||
  true

case $status in
  2[0-9][0-9]) warn "posted the report on $GITEA_REPO issue #$issue" ;;
  '' | 000) post_fail "could not reach Gitea at $url: $(tr -d '\000-\037' <"$tmp/curl-error" | head -c 300)" ;;
  *) post_fail "Gitea answered HTTP $status to POST $url: $(head -c 300 "$tmp/response" 2>/dev/null | tr -d '\000-\037')" ;;
esac
