#!/usr/bin/env bash
# Idle cost of cluster nodes on PostgreSQL (issue 15): N nodes of one cluster, 20,000 orders pending
# an hour out, nothing else happening; counts the database's own transactions (pg_stat_database
# xact_commit + xact_rollback) and rows read (tup_returned + tup_fetched) of the nodes' database
# over a window, measured from a session on another database so the measuring is not counted.
#   orderclock-bench/scripts/idle-cluster.sh [jar] [nodes] [window-seconds] [pending]
# Needs the local services (PostgreSQL 127.0.0.1:5432 user postgres, RabbitMQ 127.0.0.1:5672);
# makes a database and a queue prefix of its own and drops the database after.
set -euo pipefail
JAR=${1:-orderclock-server/target/orderclock-server.jar}
NODES=${2:-1}
WINDOW=${3:-120}
PENDING=${4:-20000}
PORT_BASE=${PORT_BASE:-18480}
DB=idle_$$
PREFIX=idle-$$.
WORK=$(mktemp -d)
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
$PSQL -d postgres -c "CREATE DATABASE $DB"
for n in $(seq 1 "$NODES"); do
  port=$((PORT_BASE + n))
  java -Xmx256m -jar "$JAR" --spring.profiles.active=cluster --server.port=$port \
    --orderclock.data-dir="$WORK/data-$n" --orderclock.admin-token=idle-measurement-token-0123456789abcdef \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --orderclock.cluster.prefix=$PREFIX \
    > "$WORK/node-$n.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { tail -50 "$WORK/node-$n.log"; exit 1; }
done
# Pending orders an hour out, written straight into the database (as many nodes had placed them).
$PSQL -d $DB -c "INSERT INTO products (sku, name, price, stock, available) VALUES ('IDLE', 'idle', 1, 1000000, 1000000);
  INSERT INTO orders (id, user_id, status, amount, currency, created_at, pay_deadline)
    SELECT i, 'u' || i, 'PENDING_PAYMENT', 1, 'CNY', now(), now() + interval '1 hour' FROM generate_series(1, $PENDING) i;
  INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price)
    SELECT i, 1, 'IDLE', 1, 1 FROM generate_series(1, $PENDING) i;
  ANALYZE"
sleep 30 # settle: start-up work and the inserts' own statistics flushed
snapshot() {
  $PSQL -d postgres -c "SELECT xact_commit + xact_rollback, tup_returned + tup_fetched FROM pg_stat_database WHERE datname = '$DB'"
}
before=$(snapshot)
sleep "$WINDOW"
after=$(snapshot)
tx=$(( ${after%|*} - ${before%|*} ))
rows=$(( ${after#*|} - ${before#*|} ))
echo "nodes=$NODES pending=$PENDING window=${WINDOW}s transactions=$tx per-minute=$(( tx * 60 / WINDOW )) rows-read=$rows"
