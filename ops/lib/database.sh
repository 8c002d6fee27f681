# Shared by ops/backup and ops/restore (sourced, not run): finding the app's database the way the app does, the PostgreSQL client
# programs of the server's version, and the app's embedded cluster (its data directory, credentials file and lock file).
# docs/operations.md describes the behaviour.
#
# The caller sets $prog (for messages) and calls, in this order:
#   resolve_target "$connection" "$data_dir"   connection string or data directory (empty: the app's configuration)
#   open_target [create-cluster]                  sets TARGET_DSN, TARGET_DB, TARGET_DESC; starts the embedded cluster if needed
#   find_client_tools                             sets PSQL, PG_DUMP, PG_RESTORE, PG_BIN_DIR for the server's major version
# and calls stop_cluster from its EXIT trap (it stops a cluster open_target started, and nothing else).

set -euo pipefail

LEDGER_DATABASE_NAME=careerledger   # the database the app creates in its embedded cluster
LEDGER_CLUSTER_USER=ledger          # the role the app's initdb creates there
SERVER_BIN_PATTERNS=(/usr/lib/postgresql/*/bin /usr/pgsql-*/bin /opt/homebrew/opt/postgresql@*/bin /usr/local/opt/postgresql@*/bin /usr/local/pgsql/bin)

die() { echo "$prog: $*" >&2; exit 1; }
usage_error() { echo "$prog: $*" >&2; echo "Run '$prog --help' for usage." >&2; exit 2; }
note() { echo "$prog: $*" >&2; }

# The app's default data directory (Database.DefaultDataDirectory): root uses /var/lib, everyone else XDG_DATA_HOME or ~/.local/share.
default_data_dir() {
  if [ "$(id -u)" = 0 ]; then
    echo /var/lib/careerledger/postgres
  else
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/careerledger/postgres"
  fi
}

# resolve_target CONNECTION DATA_DIR: explicit arguments first, then what the app itself would use (ConnectionStrings__Ledger, else
# CareerLedger__DataDirectory, else the default data directory). Sets TARGET_KIND (connection|data-dir) and TARGET_VALUE.
resolve_target() {
  if [ -n "$1" ] && [ -n "$2" ]; then
    usage_error "give either --connection or --data-dir, not both"
  elif [ -n "$1" ]; then
    TARGET_KIND=connection TARGET_VALUE=$1
  elif [ -n "$2" ]; then
    TARGET_KIND=data-dir TARGET_VALUE=$2
  elif [ -n "${ConnectionStrings__Ledger:-}" ]; then
    TARGET_KIND=connection TARGET_VALUE=$ConnectionStrings__Ledger
  else
    TARGET_KIND=data-dir TARGET_VALUE=${CareerLedger__DataDirectory:-$(default_data_dir)}
  fi
}

# A libpq connection-string value in single quotes.
quote_value() {
  local v=${1//\\/\\\\}
  printf "'%s'" "${v//\'/\\\'}"
}

trim() {
  local v=$1
  v="${v#"${v%%[![:space:]]*}"}"
  v="${v%"${v##*[![:space:]]}"}"
  # Npgsql allows a value in double or single quotes.
  if [[ ${#v} -ge 2 && ( ( $v == \"*\" ) || ( $v == \'*\' ) ) ]]; then
    v=${v:1:${#v}-2}
  fi
  printf '%s' "$v"
}

# Converts the app's connection string (Npgsql: "Host=…;Port=…;Username=…;Password=…;Database=…") into a libpq connection string
# in TARGET_DSN and TARGET_DB; the password goes to PGPASSWORD, so it is never on a command line. Keys libpq has no use for
# (Pooling, No Reset On Close, Timeout, …) are dropped. A value containing ';' cannot be given this way: use a postgresql:// URI.
from_npgsql() {
  local part key value dsn="" db="" parts host=localhost port=5432
  IFS=';' read -r -a parts <<< "$1"
  for part in "${parts[@]}"; do
    [[ $part == *=* ]] || continue
    key=$(printf '%s' "${part%%=*}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')
    value=$(trim "${part#*=}")
    case $key in
      host|server) host=$value; dsn+=" host=$(quote_value "$value")" ;;
      port) port=$value; dsn+=" port=$(quote_value "$value")" ;;
      database|db|initialcatalog) db=$value; dsn+=" dbname=$(quote_value "$value")" ;;
      username|userid|user|uid|userName) dsn+=" user=$(quote_value "$value")" ;;
      password|pwd) export PGPASSWORD=$value ;;
      sslmode)
        case $(printf '%s' "$value" | tr '[:upper:]' '[:lower:]') in
          disable|allow|prefer|require) dsn+=" sslmode=$(printf '%s' "$value" | tr '[:upper:]' '[:lower:]')" ;;
          verifyca|verify-ca) dsn+=" sslmode=verify-ca" ;;
          verifyfull|verify-full) dsn+=" sslmode=verify-full" ;;
        esac ;;
      applicationname) dsn+=" application_name=$(quote_value "$value")" ;;
    esac
  done
  TARGET_DSN=${dsn# }
  TARGET_DB=$db
  TARGET_DESC="database $db on $host:$port"
}

# TARGET_DSN with another database (for CREATE DATABASE, which has to connect elsewhere).
dsn_for_database() {
  local db=$2
  if [[ $1 =~ ^postgres(ql)?:// ]]; then
    printf '%s' "$1" | sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\\1/$db#"
  else
    printf '%s dbname=%s' "$1" "$(quote_value "$db")"
  fi
}

# Is a server running on the cluster in $DATA? Prints its port (postmaster.pid line 4) when it is.
running_port() {
  [ -f "$DATA/postmaster.pid" ] || return 1
  as_postgres "$SERVER_BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1 || return 1
  sed -n 4p "$DATA/postmaster.pid" | tr -d '[:space:]'
}

# Runs a server program as the postgres OS user when this is root (initdb and postgres refuse to run as root), as the app does.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

give_to_postgres() {
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$@"
  fi
}

major_of() { "$1" --version 2>/dev/null | sed -nE 's/^[^0-9]*([0-9]+).*/\1/p' | head -1 || true; }

# Server programs (initdb, pg_ctl) the way the app finds them: on PATH first, else the highest version installed. With a cluster
# version given, that version's programs.
find_server_bin() {
  local want=${1:-} dir best="" best_major=0 m
  if [ -z "$want" ] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi

  for dir in "${SERVER_BIN_PATTERNS[@]}" "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /nonexistent)")")"; do
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] || continue
    m=$(major_of "$dir/pg_ctl")
    [ -n "$m" ] || continue
    if [ -n "$want" ]; then
      [ "$m" = "$want" ] && { echo "$dir"; return; }
    elif [ "$m" -gt "$best_major" ]; then
      best=$dir best_major=$m
    fi
  done
  [ -n "$best" ] && { echo "$best"; return; }
  return 1
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  die "no free port found on 127.0.0.1"
}

STARTED_CLUSTER=""
SOCKET_DIR=""
stop_cluster() {
  if [ -n "$STARTED_CLUSTER" ]; then
    as_postgres "$SERVER_BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >/dev/null 2>&1 \
      || as_postgres "$SERVER_BIN/pg_ctl" stop -D "$DATA" -m immediate -w -t 30 >/dev/null 2>&1 || true
    note "stopped the cluster in $DATA again"
    STARTED_CLUSTER=""
  fi
  if [ -n "$SOCKET_DIR" ]; then
    rm -rf "$SOCKET_DIR"
    SOCKET_DIR=""
  fi
}

# A new cluster in $DATA, made the way the app makes one (PostgresProvisioner): the credentials file first (mode 0600, a random
# password for the role 'ledger'), then initdb with scram-sha-256, UTF-8 and the C.UTF-8 locale (else no locale).
init_cluster() {
  [ -n "$(ls -A "$DATA" 2>/dev/null)" ] && die "$DATA is neither empty nor a PostgreSQL cluster (no PG_VERSION); point --data-dir at an empty or missing directory"
  mkdir -p "$PARENT"
  local password pwfile
  password=$(LC_ALL=C tr -dc 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789' </dev/urandom 2>/dev/null | head -c 32 || true)
  (umask 077 && printf '# CareerLedger private PostgreSQL cluster at %s\n# Generated on first start; keep this file private (mode 0600). Deleting it makes the cluster unusable.\nuser=%s\npassword=%s\n' \
    "$DATA" "$LEDGER_CLUSTER_USER" "$password" > "$CRED")
  chmod 600 "$CRED"
  mkdir -p -m 700 "$DATA"
  pwfile=$(mktemp "$PARENT/$NAME.pwfile-XXXXXXXX")
  printf '%s' "$password" > "$pwfile"
  give_to_postgres "$DATA" "$pwfile"
  note "initdb ($("$SERVER_BIN/initdb" --version | sed 's/.*) //')) for a new cluster in $DATA"
  if ! as_postgres "$SERVER_BIN/initdb" -D "$DATA" -U "$LEDGER_CLUSTER_USER" --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null 2>"$PARENT/$NAME.initdb.log"; then
    if grep -qi locale "$PARENT/$NAME.initdb.log"; then
      rm -rf "${DATA:?}"/* && give_to_postgres "$DATA"
      as_postgres "$SERVER_BIN/initdb" -D "$DATA" -U "$LEDGER_CLUSTER_USER" --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --no-locale >/dev/null 2>"$PARENT/$NAME.initdb.log" \
        || { rm -f "$pwfile"; rm -rf "${DATA:?}"/*; die "initdb failed: $(tail -3 "$PARENT/$NAME.initdb.log" | tr '\n' ' ')"; }
    else
      rm -f "$pwfile"; rm -rf "${DATA:?}"/*
      die "initdb failed: $(tail -3 "$PARENT/$NAME.initdb.log" | tr '\n' ' ')"
    fi
  fi
  rm -f "$pwfile" "$PARENT/$NAME.initdb.log"
}

# open_target [create-cluster]: a connection string is used as it is; a data directory is the app's embedded cluster: its
# credentials file gives user and password, and when no server runs there one is started for the duration of the script (on a
# free loopback port, under the cluster's lock file, so the app cannot start it at the same moment) and stopped at exit.
# With create-cluster, a missing cluster is created first. Sets TARGET_DSN, TARGET_DB and TARGET_DESC.
open_target() {
  local create=${1:-}
  if [ "$TARGET_KIND" = connection ]; then
    if [[ $TARGET_VALUE =~ ^postgres(ql)?:// ]]; then
      TARGET_DSN=$TARGET_VALUE
      TARGET_DB=$(printf '%s' "$TARGET_VALUE" | sed -nE 's#^postgres(ql)?://[^/?]*/([^?]*).*#\2#p')
    elif [[ $TARGET_VALUE != *\;* && $TARGET_VALUE =~ ^(host|hostaddr|port|dbname|user|service)= ]]; then
      TARGET_DSN=$TARGET_VALUE
      TARGET_DB=$(printf '%s' "$TARGET_VALUE" | sed -nE "s/.*dbname=('([^']*)'|([^ ]*)).*/\\2\\3/p")
    else
      from_npgsql "$TARGET_VALUE"
    fi
    [ -n "$TARGET_DB" ] || die "the connection string names no database"
    if [ -z "${TARGET_DESC:-}" ]; then
      TARGET_DESC="database $TARGET_DB ($(printf '%s' "$TARGET_DSN" | sed -E "s/password=('[^']*'|[^ ]*) ?//; s#://[^@/]*@#://#"))"
    fi
    return
  fi

  local given=${TARGET_VALUE%/} parent_abs
  if parent_abs=$(cd "$(dirname "$given")" 2>/dev/null && pwd); then
    DATA=${parent_abs%/}/$(basename "$given")
  else
    DATA=$given
    [[ $DATA == /* ]] || DATA=$PWD/$DATA
  fi
  PARENT=$(dirname "$DATA") NAME=$(basename "$DATA")
  CRED=$PARENT/$NAME.credentials
  local lock=$PARENT/$NAME.lock
  if [ ! -f "$DATA/PG_VERSION" ]; then
    [ "$create" = create-cluster ] || die "no cluster in $DATA (no PG_VERSION): is CareerLedger__DataDirectory right? Has the app run once?"
    SERVER_BIN=$(find_server_bin) || die "no PostgreSQL server programs (initdb, pg_ctl) found on PATH or under /usr/lib/postgresql; install the server package"
  else
    [ -f "$CRED" ] || die "$DATA holds a cluster but its credentials file $CRED is missing, so its password is unknown"
    SERVER_BIN=$(find_server_bin "$(cat "$DATA/PG_VERSION")") || die "no PostgreSQL $(cat "$DATA/PG_VERSION") server programs found for the cluster in $DATA"
  fi

  mkdir -p "$PARENT"
  (umask 077 && : >>"$lock")
  exec 9>>"$lock"
  if command -v flock >/dev/null; then
    flock -w 60 9 || die "another process has held $lock for a minute (the app starting the cluster?); try again"
  fi

  [ -f "$DATA/PG_VERSION" ] || init_cluster
  local user password port
  user=$(sed -nE 's/^[[:space:]]*user[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p' "$CRED" | tail -1)
  password=$(sed -nE 's/^[[:space:]]*password[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p' "$CRED" | tail -1)
  [ -n "$password" ] || die "the credentials file $CRED has no 'password=' line"
  export PGPASSWORD=$password
  if port=$(running_port); then
    exec 9>&-   # the app's cluster is up: nothing to start, so nothing to hold the lock for
    TARGET_DESC="database $LEDGER_DATABASE_NAME of the running cluster in $DATA (127.0.0.1:$port)"
  else
    SOCKET_DIR=$(mktemp -d "${TMPDIR:-/tmp}/careerledger-sock-XXXXXXXX")
    chmod 700 "$SOCKET_DIR"
    give_to_postgres "$SOCKET_DIR" "$DATA"
    # The free port can be taken by another process before the server binds it, and a server that was just stopped may
    # still be releasing the directory: try three times, each on a fresh port, a second apart.
    local attempt
    for attempt in 1 2 3; do
      port=$(free_port)
      note "starting the cluster in $DATA on 127.0.0.1:$port for this run"
      if as_postgres "$SERVER_BIN/pg_ctl" -D "$DATA" -l "$DATA/careerledger-postgres.log" -w -t 60 \
        -o "-p $port -k $SOCKET_DIR -c listen_addresses=127.0.0.1" start >/dev/null; then
        break
      fi
      [ "$attempt" -lt 3 ] || die "pg_ctl could not start the cluster in $DATA (see $DATA/careerledger-postgres.log)"
      sleep 1
    done
    STARTED_CLUSTER=1
    TARGET_DESC="database $LEDGER_DATABASE_NAME of the cluster in $DATA (started for this run, stopped again after it)"
  fi

  TARGET_DB=$LEDGER_DATABASE_NAME
  TARGET_DSN="host=127.0.0.1 port=$port user=$(quote_value "${user:-$LEDGER_CLUSTER_USER}") dbname=$LEDGER_DATABASE_NAME"
}

# find_client_tools: psql, pg_dump and pg_restore of the server's major version (pg_dump refuses a newer server, and a dump is
# best read by the same version). PG_BIN, when set, wins; then the version's own directory (/usr/lib/postgresql/15/bin, …); then
# the first newer one; then PATH, when its version is new enough. Needs TARGET_DSN for a database that exists, or SERVER_MAJOR set.
find_client_tools() {
  local psql_any dir m candidates=()
  if [ -n "${PG_BIN:-}" ]; then
    candidates=("$PG_BIN")
  fi
  if [ -z "${SERVER_MAJOR:-}" ]; then
    psql_any=${PG_BIN:+$PG_BIN/psql}
    if [ -z "$psql_any" ] || [ ! -x "$psql_any" ]; then
      psql_any=$(command -v psql || true)
      for dir in "${SERVER_BIN_PATTERNS[@]}"; do
        [ -x "$dir/psql" ] && psql_any=${psql_any:-$dir/psql}
      done
    fi
    [ -n "$psql_any" ] || die "psql not found (set PG_BIN to the directory holding psql, pg_dump and pg_restore)"
    SERVER_MAJOR=$("$psql_any" -X -A -t -w -d "$1" -c 'show server_version_num' 2>/tmp/careerledger-psql.$$ | sed -E 's/^([0-9]+)[0-9]{4}$/\1/') \
      || { local e; e=$(tr '\n' ' ' </tmp/careerledger-psql.$$); rm -f /tmp/careerledger-psql.$$; die "cannot connect to $TARGET_DESC: $e"; }
    rm -f /tmp/careerledger-psql.$$
  fi

  for dir in "${SERVER_BIN_PATTERNS[@]}"; do
    [ -x "$dir/pg_dump" ] || continue
    [ "$(major_of "$dir/pg_dump")" = "$SERVER_MAJOR" ] && candidates+=("$dir")
  done
  for dir in $(for d in "${SERVER_BIN_PATTERNS[@]}"; do [ -x "$d/pg_dump" ] && echo "$(major_of "$d/pg_dump") $d"; done | sort -n | awk -v m="$SERVER_MAJOR" '$1 > m {print $2}'); do
    candidates+=("$dir")
  done
  if command -v pg_dump >/dev/null && m=$(major_of "$(command -v pg_dump)") && [ -n "$m" ] && [ "$m" -ge "$SERVER_MAJOR" ]; then
    candidates+=("$(dirname "$(command -v pg_dump)")")
  fi

  for dir in "${candidates[@]}"; do
    if [ -x "$dir/pg_dump" ] && [ -x "$dir/pg_restore" ] && [ -x "$dir/psql" ]; then
      PG_BIN_DIR=$dir PSQL=$dir/psql PG_DUMP=$dir/pg_dump PG_RESTORE=$dir/pg_restore
      return
    fi
  done
  die "no pg_dump/pg_restore of PostgreSQL $SERVER_MAJOR or newer found (looked in ${PG_BIN:+PG_BIN, }/usr/lib/postgresql/*/bin and PATH); install the PostgreSQL $SERVER_MAJOR client programs or set PG_BIN"
}

# psql_value SQL: one value from the target database.
psql_value() { "$PSQL" -X -A -t -w -q -d "$TARGET_DSN" -c "$1"; }

human_size() { numfmt --to=iec --suffix=B --format='%.1f' "$1" 2>/dev/null || echo "$1 bytes"; }
