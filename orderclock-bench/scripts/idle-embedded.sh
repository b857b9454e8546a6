#!/usr/bin/env bash
# Idle cost of one embedded server (issue 15): its H2 file database holding PENDING orders (default
# 1,000,000) due one to two hours out, nothing else happening. H2 counts the statements itself:
# the bench starts the server with QUERY_STATISTICS=TRUE in its URL and reads
# INFORMATION_SCHEMA.QUERY_STATISTICS (executions per SQL text, its own reads left out) before and
# after the window: statements and COMMIT statements a minute, and which statements ran (`idle`).
# H2 keeps no transaction counter: a statement outside a transaction is one, and a transaction the
# server opens shows as two COMMITs (commit, then autocommit restored).
#   orderclock-bench/scripts/idle-embedded.sh [jar] [window-seconds] [pending] [bench-jar]
set -euo pipefail
JAR=${1:-orderclock-server/target/orderclock-server.jar}
WINDOW=${2:-120}
PENDING=${3:-1000000}
BENCH=${4:-orderclock-bench/target/orderclock-bench.jar}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
java -jar "$BENCH" seed --jar "$JAR" --data-dir "$WORK/data" --orders "$PENDING" --due-from 1h --spread 1h --in-order
java -jar "$BENCH" idle --jar "$JAR" --data-dir "$WORK/data" --pending 0 --settle 30s --window "${WINDOW}s"
