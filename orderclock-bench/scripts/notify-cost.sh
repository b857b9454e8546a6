#!/usr/bin/env bash
# What a NOTIFY at each outbox commit costs order creation on PostgreSQL (issue 15). Migration V7_1
# added a statement trigger on order_events that called pg_notify, so that idle event relays slept
# until woken; V8 dropped it again for the cost measured here. This drives pgbench with creation's
# writes (an order, its line, the stock reservation, its order.created event, one transaction)
# against orderclock's own schema with V7_1's trigger put back, one session LISTENing as a relay
# did, and alternates rounds with the trigger enabled and disabled so that both see the same
# machine. Prints each round's transactions per second and the ratio of the medians.
#   orderclock-bench/scripts/notify-cost.sh [clients] [seconds-per-round] [rounds]
# Needs the local PostgreSQL (127.0.0.1:5432, user postgres) and pgbench; makes a database of its own
# and drops it after.
set -euo pipefail
CLIENTS=${1:-8}
SECONDS_PER_ROUND=${2:-20}
ROUNDS=${3:-4}
DB=notify_cost_$$
HERE=$(cd "$(dirname "$0")" && pwd)
MIGRATIONS="$HERE/../../orderclock-jdbc/src/main/resources/db/migration/postgresql"
WORK=$(mktemp -d)
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
LISTENER=
cleanup() {
  [ -n "$LISTENER" ] && kill "$LISTENER" 2>/dev/null || true
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
$PSQL -d postgres -c "CREATE DATABASE $DB"
# Flyway's order: by version, V7 before V7_1.
for f in $(ls "$MIGRATIONS" | sed -E 's/^V([0-9]+)(_([0-9]+))?__.*/\1 \3 &/' | sort -k1,1n -k2,2n | awk '{print $NF}'); do
  $PSQL -d $DB -f "$MIGRATIONS/$f" >/dev/null
done
# V7_1's trigger, as it was before V8 dropped it.
$PSQL -d $DB -c "CREATE OR REPLACE FUNCTION order_events_notify() RETURNS trigger LANGUAGE plpgsql AS \$\$
  BEGIN PERFORM pg_notify('orderclock_outbox', current_schema()); RETURN NULL; END; \$\$;
  DROP TRIGGER IF EXISTS order_events_notify ON order_events;
  CREATE TRIGGER order_events_notify AFTER INSERT ON order_events FOR EACH STATEMENT EXECUTE FUNCTION order_events_notify()"
$PSQL -d $DB -c "INSERT INTO products (sku, name, price, stock, available)
  SELECT 'SKU-' || i, 'bench', 10, 1000000000, 1000000000 FROM generate_series(1, 1000) i; ANALYZE"
cat > "$WORK/create.sql" <<'SQL'
\set id random(1, 9000000000000000000)
\set sku random(1, 1000)
BEGIN;
INSERT INTO orders (id, user_id, status, amount, currency, created_at, pay_deadline)
  VALUES (:id, 'u' || :client_id, 'PENDING_PAYMENT', 10, 'CNY', now(), now() + interval '30 minutes');
INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price) VALUES (:id, 1, 'SKU-' || :sku, 1, 10);
UPDATE products SET available = available - 1 WHERE sku = 'SKU-' || :sku AND available >= 1;
INSERT INTO order_events (event_id, order_id, type, occurred_at, payload)
  VALUES (gen_random_uuid(), :id, 'order.created', now(), '{"orderId":"' || :id || '"}');
COMMIT;
SQL
# A relay's session: LISTEN, and take its notifications every 100 ms.
( echo "LISTEN orderclock_outbox;"; while true; do echo "SELECT 1;"; sleep 0.1; done ) \
  | psql -h 127.0.0.1 -U postgres -d $DB -qAt >/dev/null 2>&1 &
LISTENER=$!
round() { # $1: ENABLE or DISABLE
  $PSQL -d $DB -c "ALTER TABLE order_events $1 TRIGGER order_events_notify"
  pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_ROUND" -f "$WORK/create.sql" $DB 2>/dev/null \
    | sed -nE 's/^tps = ([0-9.]+).*/\1/p'
}
with=(); without=()
for r in $(seq 1 "$ROUNDS"); do
  w=$(round ENABLE); wo=$(round DISABLE)
  with+=("$w"); without+=("$wo")
  echo "round $r: with NOTIFY $w tps, without $wo tps"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mw=$(median "${with[@]}"); mwo=$(median "${without[@]}")
echo "clients $CLIENTS, ${SECONDS_PER_ROUND}s rounds: median with NOTIFY $mw tps, without $mwo tps," \
  "ratio $(awk -v a="$mw" -v b="$mwo" 'BEGIN {printf "%.3f", a / b}')"
