#!/usr/bin/env bash
# Report benchmark: generates a year of synthetic data with `generate` (2020 at scale S, default 1:
# 482 notifications of 2020 shaped like the Panel's annual report, with the earlier notifications
# its report needs, all five files), then runs `bench`: in one JVM, imports them into a fresh
# throw-away embedded database and times the whole report for 2020 (warm, median of several runs)
# and each table through the engine side by side with its hand-written SQL query
# (bench/reference-queries.sql), checking both give the same cells; then copies the register in
# SQL up to TOTAL notifications (default 1000000) and times the report again, for one year and for
# every year.
# Usage: bench/report.sh [S] [TOTAL]      (builds the jar first; TOTAL 0: no copy)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
total=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B package -DskipTests
java -jar target/observatory.jar generate --year 2020 --scale "$scale" --seed 1 --out "$work/in"
echo "bench: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
java -jar target/observatory.jar bench "$work/in" --scale-to "$total" --queries bench/reference-queries.sql
