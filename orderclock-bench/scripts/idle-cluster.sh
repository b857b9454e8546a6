#!/usr/bin/env bash
# Idle cost of cluster nodes on PostgreSQL (issue 15): N nodes of one cluster, 20,000 orders pending
# an hour out, nothing else happening; counts the database's own transactions (pg_stat_database
# xact_commit + xact_rollback) and rows read (tup_returned + tup_fetched) of the nodes' database
# over a window, measured from a session on another database so the measuring is not counted.
# Then where rows were read: each table and index of the nodes' schema with rows read (returned by
# scans, fetched from the heap) between a reading before the window and one after it
# (pg_stat_user_tables, pg_stat_user_indexes, read from a session in that database outside the
# window), and the system catalogs' rows together: sessions read those to plan statements and build
# their caches, the two readings' own lookups among them (the window's figure above has none).
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
  for _ in $(seq 1 600); do # a loaded machine may take minutes
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
# Settle: start-up work done and the inserts' statistics flushed. A session reads the system catalogs
# for its caches on its first statements after it opens and again after an ANALYZE of a table it
# uses; the periodic jobs (at most 60 s apart) borrow pool sessions that may not have run since the
# ANALYZE above, which read ~800 catalog rows each (measured: such reads until ~3 min after it, then
# none), so the window opens 4 min after it.
sleep 240
snapshot() {
  $PSQL -d postgres -c "SELECT xact_commit + xact_rollback, tup_returned + tup_fetched FROM pg_stat_database WHERE datname = '$DB'"
}
relations() {
  $PSQL -d $DB -c "SELECT 'table ' || relname, seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables
                   UNION ALL SELECT 'index ' || indexrelname, idx_tup_read FROM pg_stat_user_indexes
                   UNION ALL SELECT 'system catalogs', sum(seq_tup_read + coalesce(idx_tup_fetch, 0))
                     FROM pg_stat_sys_tables WHERE relid NOT IN (SELECT oid FROM pg_class WHERE relisshared)
                   UNION ALL SELECT 'system catalog indexes', sum(idx_tup_read)
                     FROM pg_stat_sys_indexes WHERE indexrelid NOT IN (SELECT oid FROM pg_class WHERE relisshared)" \
    | sort > "$1"
}
relations "$WORK/first"
sleep 11 # a session's counts reach the statistics within 10 s once it is idle
before=$(snapshot)
sleep "$WINDOW"
after=$(snapshot)
sleep 11
relations "$WORK/last"
tx=$(( ${after%|*} - ${before%|*} ))
rows=$(( ${after#*|} - ${before#*|} ))
echo "nodes=$NODES pending=$PENDING window=${WINDOW}s transactions=$tx per-minute=$(( tx * 60 / WINDOW )) rows-read=$rows"
echo "rows read from the reading before the window to the one after (shared catalogs left out):"
join -t'|' "$WORK/first" "$WORK/last" | awk -F'|' '
  $3 != $2 { printf "  %-40s %8d\n", $1, $3 - $2; if ($1 !~ /^system/) read++ }
  END { if (!read) print "  no table or index of the nodes read a row" }'
