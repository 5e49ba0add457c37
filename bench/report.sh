#!/usr/bin/env bash
# Report benchmark: generates N synthetic notifications (default 2500, about 500 a year over five
# years) with their rapid reviews and LCSPRs (all four files) with the tests' generator, then runs
# `bench`: in one JVM, imports them into a fresh throw-away embedded database and times the whole
# report for one year (warm, median of several runs) and each table through the engine side by
# side with its hand-written SQL query (bench/reference-queries.sql), checking both give the same
# cells; then copies the register in SQL up to TOTAL notifications (default 1000000) and times the
# report again, for one year and for every year.
# Usage: bench/report.sh [N] [TOTAL]      (builds the jar and test classes first; TOTAL 0: no copy)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2500}
total=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B package -DskipTests
mvn -q -B test-compile
cat > "$work/Generate.java" <<'JAVA'
public class Generate {
  public static void main(String[] a) throws Exception {
    uk.gov.observatory.support.SyntheticReviewsCsv.write(java.nio.file.Path.of(a[0]), Integer.parseInt(a[1]), 6);
  }
}
JAVA
javac -cp target/test-classes -d "$work" "$work/Generate.java"
java -cp "$work:target/test-classes" Generate "$work/in" "$n"
echo "bench: $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
java -jar target/observatory.jar bench "$work/in" --scale-to "$total" --queries bench/reference-queries.sql
