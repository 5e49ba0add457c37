#!/usr/bin/env bash
# Import benchmark, two versions in turn: builds the jar of BEFORE (a commit) and of the working
# tree, generates N synthetic notifications (default 20000) with their rapid reviews and LCSPRs once
# with the tests' generator, then R times (default 3) runs `import`, `import --replace` and `export`
# with the BEFORE jar and then with this one, each into a fresh embedded database, and prints every
# figure and the min/median/max of each. Running the two in turn spreads the machine's noise over
# both. Usage: bench/import-compare.sh BEFORE [N] [R]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: bench/import-compare.sh BEFORE [N] [R]}
n=${2:-20000}
rounds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git worktree add -q --detach "$work/before-src" "$before"
trap 'git worktree remove --force "$work/before-src"; rm -rf "$work"' EXIT
(cd "$work/before-src" && mvn -q -B package -DskipTests -Dspotless.check.skip=true)
cp "$work/before-src/target/observatory.jar" "$work/before.jar"
mvn -q -B package -DskipTests -Dspotless.check.skip=true
mvn -q -B test-compile -Dspotless.check.skip=true
cp target/observatory.jar "$work/after.jar"

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
echo "before: $(git rev-parse --short "$before"); after: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with changes)')"

time_of() { # jar data label args...
  local jar=$1 data=$2 label=$3; shift 3
  local start end
  start=$(date +%s.%N)
  java -jar "$jar" "$@" --data-dir "$data" > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }
  end=$(date +%s.%N)
  echo "$label $(echo "$end - $start" | bc)" >> "$work/times"
}
for r in $(seq 1 "$rounds"); do
  for version in before after; do
    data="$work/data-$version-$r"
    time_of "$work/$version.jar" "$data" "$version import" import "$work/in"
    time_of "$work/$version.jar" "$data" "$version replace" import "$work/in" --replace
    rm -rf "$work/out"
    time_of "$work/$version.jar" "$data" "$version export" export "$work/out"
    rm -rf "$data"
    echo "round $r $version: $(grep "^$version" "$work/times" | tail -3 | awk '{printf "%s %.1f s  ", $2, $3}')"
  done
done
echo
printf '%-8s %-8s %8s %8s %8s\n' version step min median max
for version in before after; do
  for step in import replace export; do
    grep "^$version $step " "$work/times" | awk '{print $3}' | sort -n | awk -v v="$version" -v s="$step" '
      { x[NR] = $1 }
      END { m = (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2;
            printf "%-8s %-8s %7.1fs %7.1fs %7.1fs\n", v, s, x[1], m, x[NR] }'
  done
done
