#!/usr/bin/env bash
# Idle cost of one embedded server (issue 15): its H2 file database holding PENDING orders (default
# 1,000,000) due an hour out, nothing else happening. H2 runs in the server's process, so what is
# counted is what the server asks of it: connections lent by the pool (Hikari's
# hikaricp_connections_usage_seconds_count: one a look, one a transaction) over a window. (Every
# statement of the server goes through the pool; H2 keeps no transaction counter of its own.)
#   orderclock-bench/scripts/idle-embedded.sh [jar] [window-seconds] [pending]
set -euo pipefail
JAR=${1:-orderclock-server/target/orderclock-server.jar}
WINDOW=${2:-120}
PENDING=${3:-1000000}
PORT=${PORT:-18780}
H2=${H2:-$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | tail -1)}
WORK=$(mktemp -d)
TOKEN=idle-measurement-token-0123456789abcdef
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
start() {
  java -Xmx512m -jar "$JAR" --server.port=$PORT --orderclock.data-dir="$WORK/data" --orderclock.admin-token=$TOKEN \
    > "$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return; sleep 1; done
  tail -50 "$WORK/server.log"; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
start; stop # the schema
java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/data/orderclock" -user sa -password "" -sql "
  INSERT INTO products (sku, name, price, stock, available) VALUES ('IDLE', 'idle', 1, 10000000, 10000000);
  INSERT INTO orders (id, user_id, status, amount, currency, created_at, pay_deadline)
    SELECT X, 'u' || X, 'PENDING_PAYMENT', 1, 'CNY', CURRENT_TIMESTAMP, DATEADD(HOUR, 1, CURRENT_TIMESTAMP)
      FROM SYSTEM_RANGE(1, $PENDING);
  ANALYZE" >/dev/null
start
sleep 30
lent() {
  curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/actuator/prometheus" \
    | awk '/^hikaricp_connections_usage_seconds_count/ { sum += $NF } END { printf "%d", sum }'
}
before=$(lent)
sleep "$WINDOW"
after=$(lent)
lends=$(( after - before ))
echo "embedded pending=$PENDING window=${WINDOW}s connections-lent=$lends per-minute=$(( lends * 60 / WINDOW ))"
