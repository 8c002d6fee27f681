#!/usr/bin/env bash
# Regenerates the fixtures in this folder from the app as it was at commit c31a71e (the hand-written event store), so the
# upgrade test (LegacyUpgradeTests) runs on a database that code really wrote. Nothing of the current code is involved.
#
#   tests/CareerLedger.Web.Tests/Fixtures/Legacy/make-fixture.sh
#
# What it does:
#   1. `git archive c31a71e` into a temporary folder and builds src/CareerLedger.Web there (Debug).
#   2. Starts a throwaway PostgreSQL cluster (initdb/pg_ctl from /usr/lib/postgresql/*/bin, as the postgres OS user when
#      run as root) on a free port, and the old app on another free port (real clock, so recorded times are real instants).
#   3. Drives the old app's HTTP API with curl (populate below): two users; for the first, the sample year import, a re-import
#      with one changed accomplishment and one changed feedback item, a revision, retractions, three offers with a counter,
#      a deadline, a revision and a decline, two stories (revised, linked, used, one retired) and a finished mock session.
#      The phases are a couple of seconds apart; `asOf` in capture.json is an instant between the import and the rest.
#   4. Saves what the old app answered for that user (*.json, see capture below) and writes capture.json (the user, their
#      token, the instants), then `pg_dump --schema=ledger --inserts --no-owner --no-privileges` into
#      legacy-ledger-c31a71e.sql (DDL and data of the old events, streams, doc_* tables, schema_migrations and accounts).
#   5. Stops the app and removes the cluster and the temporary folder.
# Needs: git, dotnet, curl, jq, PostgreSQL server binaries (apt-get install postgresql).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(git -C "$here" rev-parse --show-toplevel)"
commit=c31a71e
work="$(mktemp -d /tmp/careerledger-legacy.XXXXXX)"
chmod 755 "$work"
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
say() { echo "[legacy] $*" >&2; }

app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -d "$work/pg" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

say "building the app at $commit in $work/src"
mkdir -p "$work/src"
git -C "$root" archive "$commit" | tar -x -C "$work/src"
dotnet build "$work/src/src/CareerLedger.Web/CareerLedger.Web.csproj" --nologo -v quiet -clp:ErrorsOnly >&2

say "starting a throwaway PostgreSQL ($pgbin)"
mkdir -p "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
pg_port="$(free_port)"
as_pg "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database ledger_old"

app_port="$(free_port)"
base="http://127.0.0.1:$app_port"
say "starting the old app at $base"
(cd "$work/src/src/CareerLedger.Web" &&
  ConnectionStrings__Ledger="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ledger_old" \
  exec dotnet bin/Debug/net10.0/CareerLedger.Web.dll --urls "$base") >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -sf "$base/health/ready" >/dev/null && break; sleep 1; done
curl -sf "$base/health/ready" >/dev/null || { cat "$work/app.log" >&2; exit 1; }

# api METHOD PATH [JSON body or @file] [extra curl args…]: prints the body; exits on a non-2xx answer.
token=""
api() {
  local method="$1" path="$2" body="${3:-}"; shift $(( $# < 3 ? $# : 3 ))
  local args=(-sS -X "$method" -w '\n%{http_code}' "$base$path")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  local out code
  out="$(curl "${args[@]}" "$@")"
  code="${out##*$'\n'}"
  out="${out%$'\n'*}"
  case "$code" in 2*) printf '%s' "$out" ;; *) say "$method $path answered $code: $out"; exit 1 ;; esac
}
now() { date -u +%Y-%m-%dT%H:%M:%S.%6NZ; }
pause() { sleep 2; }

populate() {
  local samples="$work/src/samples"
  say "users and the sample year"
  api POST /api/accounts '{"email":"priya@example.com","password":"correct horse battery staple","displayName":"Priya","timeZone":"Europe/Berlin"}' >/dev/null
  priya_token="$(api POST /api/tokens '{"email":"priya@example.com","password":"correct horse battery staple","name":"legacy fixture"}' | jq -r .token)"
  token="$priya_token"
  priya_id="$(api GET /api/me | jq -r .id)"
  api POST /api/import "@$samples/senior-backend-year.json" >/dev/null
  pause
  as_of="$(now)"
  pause

  say "revisions and retractions"
  # A re-import where one accomplishment and one feedback item changed: accomplishment_revised and feedback_revised.
  jq '.accomplishments[1].title += " within 20 minutes" | .feedback[0].text += " Thank you."' "$samples/senior-backend-year.json" >"$work/changed.json"
  api POST /api/import "@$work/changed.json" >/dev/null
  local wins target
  wins="$(api GET /api/accomplishments)"
  target="$(jq -r '[.[] | select(.title | startswith("Load-tested the Payments API"))][0].id' <<<"$wins")"
  api PUT "/api/accomplishments/$target" \
    "$(jq -c --arg id "$target" '.[] | select(.id == $id) | {title: (.title + " (3,100 req/s)"), occurredOn, description, project, scope, involvement,
        impact: [.impact[] | {name, before, after, unit, lowerIsBetter}], competencies, learnings, links, reason: "added the number"}' <<<"$wins")" \
    -H 'If-Match: "1"' >/dev/null
  api DELETE "/api/accomplishments/$(jq -r '.[5].id' <<<"$wins")?reason=duplicate" >/dev/null
  api DELETE "/api/feedback/$(api GET /api/feedback | jq -r '.[3].id')?reason=misattributed" >/dev/null
  pause

  say "offers"
  local contoso riverbend lumen
  contoso="$(api POST /api/offers "@$samples/offers/contoso-public-even.json" -H 'Idempotency-Key: sample-contoso' | jq -r .offer.id)"
  riverbend="$(api POST /api/offers "@$samples/offers/riverbend-backloaded.json" -H 'Idempotency-Key: sample-riverbend' | jq -r .offer.id)"
  lumen="$(api POST /api/offers "@$samples/offers/lumen-series-b-options.json" | jq -r .offer.id)"
  api POST "/api/offers/$riverbend/counter" '{"sentOn":"2026-11-20","asks":[{"component":"base","amount":210000},{"component":"sign_on","amount":80000}],"note":"competing offer"}' >/dev/null
  api PUT "/api/offers/$contoso/deadline" '{"deadline":"2026-12-01"}' >/dev/null
  pause
  offers_as_of="$(now)"
  pause
  api PUT "/api/offers/$riverbend/terms" \
    "$(jq -c '{revisedOn: "2026-11-25", reason: "after the counter", terms: (.terms | .baseSalary = 205000)}' "$samples/offers/riverbend-backloaded.json")" \
    -H 'If-Match: "2"' >/dev/null
  api POST "/api/offers/$lumen/decline" '{"on":"2026-11-22","reason":"options too risky"}' >/dev/null
  pause

  say "stories and a mock session"
  local top second story retired session
  top="$(api GET '/api/stories/ranking?top=2' | jq -r '.top[0].accomplishmentId')"
  second="$(api GET '/api/stories/ranking?top=2' | jq -r '.top[1].accomplishmentId')"
  story="$(api POST /api/stories "{\"accomplishmentIds\":[\"$top\"],\"format\":\"star\"}" | jq -r .story.id)"
  api PUT "/api/stories/$story" '{"headline":"Cut payments cloud spend 30 % without touching latency",
    "sections":{"situation":"Payments cloud spend had grown 40 % in a year while traffic grew 12 %, and finance asked every org for savings.",
      "task":"I took on finding savings in our four teams without risking checkout latency.",
      "action":"I broke spend down per service and found three items behind most of the cost. I moved logs to a cheaper tier, right-sized the databases and switched batch jobs to spot instances, one change at a time so each could be rolled back.",
      "result":"Monthly spend fell from $148k to $104k (−30 %) and p99 latency stayed flat.",
      "learnings":"I added a budget alert per service at 110 % of baseline and put the cost dashboard on the monthly ops review."},
    "reason":"real situation, shorter"}' -H 'If-Match: "1"' >/dev/null
  api PUT "/api/stories/$story/links" '{"competencies":["performance_cost","ownership"],"questionIds":[]}' >/dev/null
  api POST "/api/stories/$story/uses" '{"company":"Contoso","round":"onsite","on":"2026-11-18"}' >/dev/null
  retired="$(api POST /api/stories "{\"accomplishmentIds\":[\"$second\"],\"format\":\"carl\"}" -H 'Idempotency-Key: second-story' | jq -r .story.id)"
  api DELETE "/api/stories/$retired?reason=weak" >/dev/null
  session="$(api POST /api/practice/sessions '{"lens":"amazon","level":"staff","questions":2,"seed":7}' | jq -r .session.id)"
  api POST "/api/practice/sessions/$session/answers" "{\"text\":\"Situation: Payments cloud spend had grown 40 % in a year while traffic grew 12 %. Task: I took on finding savings across our four teams without risking checkout latency. Action: I broke spend down per service and changed one thing at a time so each could be rolled back. Result: Monthly spend fell from \$148k to \$104k (−30 %) and p99 latency stayed flat. Learnings: I learned to put the risk next to every saving.\",\"durationSeconds\":95,\"storyId\":\"$story\"}" >/dev/null
  api POST "/api/practice/sessions/$session/answers" '{"text":"We had a slow build, around 40 minutes, so we looked into it and we fixed a lot of things and it got better."}' >/dev/null
  api POST "/api/practice/sessions/$session/finish" >/dev/null
  pause

  say "a second user"
  token=""
  api POST /api/accounts '{"email":"sam@example.com","password":"another long password","timeZone":"UTC"}' >/dev/null
  token="$(api POST /api/tokens '{"email":"sam@example.com","password":"another long password"}' | jq -r .token)"
  api POST /api/accomplishments '{"title":"Automated the release notes","occurredOn":"2026-10-05","project":"Tooling","scope":"team","involvement":"led"}' >/dev/null
  api POST /api/feedback '{"text":"The release notes save me an hour a week.","receivedOn":"2026-10-20","from":"peer","sentiment":"positive","themes":["collaboration"]}' >/dev/null
  token="$priya_token"
}

capture() {
  say "capturing the old app's answers"
  local captured_at
  captured_at="$(now)"
  api GET '/api/brag?from=2025-11-01&to=2026-11-30' | jq . >"$here/brag.json"
  api GET "/api/brag?from=2025-11-01&to=2026-11-30&asOf=$as_of" | jq . >"$here/brag-as-of.json"
  api GET '/api/offers/compare?include=all' | jq . >"$here/offers-compare.json"
  api GET "/api/offers/compare?include=all&asOf=$offers_as_of" | jq . >"$here/offers-compare-as-of.json"
  api GET '/api/stories/ranking?top=8' | jq . >"$here/stories-ranking.json"
  api GET '/api/stories?includeRetired=true' | jq . >"$here/stories.json"
  api GET '/api/practice/sessions' | jq . >"$here/practice-sessions.json"
  jq -n --arg commit "$(git -C "$root" rev-parse "$commit")" --arg user "$priya_id" --arg email priya@example.com \
    --arg password "correct horse battery staple" --arg token "$priya_token" --arg asOf "$as_of" --arg offersAsOf "$offers_as_of" --arg capturedAt "$captured_at" \
    '{commit: $commit, userId: $user, email: $email, password: $password, token: $token, asOf: $asOf, offersAsOf: $offersAsOf, capturedAt: $capturedAt}' \
    >"$here/capture.json"
}

populate
capture
say "dumping the ledger schema"
as_pg "$pgbin/pg_dump" -h 127.0.0.1 -p "$pg_port" -U postgres --schema=ledger --inserts --no-owner --no-privileges ledger_old \
  >"$here/legacy-ledger-c31a71e.sql"
say "done: $(ls "$here" | tr '\n' ' ')"
