#!/usr/bin/env bash
# Import benchmark: generates N synthetic notifications (default 20000) with their rapid reviews and
# LCSPRs (all four files) with the tests' generator, then times `import` into a fresh embedded
# database, `import --replace` over it, and `export`.
# Usage: bench/import.sh [N]      (builds the jar and test classes first)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
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
rows() { echo $(($(wc -l < "$work/in/$1") - 1)); }
echo "input: $(rows notifications.csv) notifications, $(rows children.csv) children, $(rows rapid_reviews.csv) rapid reviews, $(rows lcsprs.csv) LCSPRs"
run() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  java -jar target/observatory.jar "$@" --data-dir "$work/data" > "$work/out.txt" 2>&1
  end=$(date +%s.%N)
  printf '%-18s %6.1f s   %s\n' "$label" "$(echo "$end - $start" | bc)" "$(grep -E 'Imported|Exported' "$work/out.txt")"
}
run "import" import "$work/in"
run "import --replace" import "$work/in" --replace
run "export" export "$work/out"
