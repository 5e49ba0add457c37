#!/usr/bin/env bash
# Learning library benchmark: writes N synthetic review reports as PDFs with `generate --library N`
# (default 20000, seed 1), loads them into a throw-away embedded database (a temporary data folder,
# deleted at the end) with `library import --bulk` (each PDF's text extracted page by page with
# PDFBox and checked for identifying details as `library add` does, then stored as published 200 at
# a time), then runs `library bench` on it: a fixed set of searches (a word, a stemmed word, a
# phrase, an OR, an exclusion, with and without facets) at 1 and 20 concurrent clients, through
# LibrarySearch.searchPublished (what the public pages run) and, in the same run over the same
# rows, the bare query (`select ... where search_tsv @@ websearch_to_tsquery(...) order by rank
# limit 20`) run by pgbench; p50/p95 of three repeats, min / median / max, as a Markdown table.
# Usage: bench/library.sh [N] [THREADS]   (builds the jar first; THREADS for the load, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
threads=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B package -DskipTests -Dspotless.check.skip=true
echo "bench: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(java -version 2>&1 | head -1), $(pgbench --version)"
start=$(date +%s)
java -jar target/observatory.jar generate --library "$n" --seed 1 --out "$work/library"
echo "generated in $(( $(date +%s) - start )) s, $(du -sh "$work/library" | cut -f1) on disk"
start=$(date +%s)
java -jar target/observatory.jar library import "$work/library/library.csv" --bulk \
  --threads "$threads" --data-dir "$work/data" 2> >(grep -v ' WARN ' >&2)
echo "loaded in $(( $(date +%s) - start )) s"
java -jar target/observatory.jar library bench --clients 1,20 --repeats 3 --data-dir "$work/data" \
  2> >(grep -v ' WARN ' >&2)
