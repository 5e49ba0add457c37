#!/usr/bin/env bash
# Import against COPY: generates N synthetic notifications (default 20000; notifications.csv and
# children.csv, the tests' generator), then R times (default 3) in turn: times `import` of the two
# files (the command, start to end, into a fresh embedded database), and times a plain COPY ... FROM
# STDIN of the same two files into two tables of text columns (what psql's \copy does) on an
# embedded PostgreSQL with the same settings (fsync and synchronous commit on). Prints each figure
# and the min/median/max of each and of the ratio; the import's figure includes starting the JVM,
# Spring and PostgreSQL, so the COPY's is given both alone and with PostgreSQL's start.
# Usage: bench/import-copy.sh [N] [R]      (builds the jar and test classes first)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
rounds=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B package -DskipTests -Dspotless.check.skip=true
mvn -q -B test-compile -Dspotless.check.skip=true
cp="$work:target/test-classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g")"
cat > "$work/Generate.java" <<'JAVA'
public class Generate {
  public static void main(String[] a) throws Exception {
    uk.gov.observatory.support.SyntheticCsv.write(java.nio.file.Path.of(a[0]), Integer.parseInt(a[1]), 6);
  }
}
JAVA
cat > "$work/CopyBaseline.java" <<'JAVA'
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.nio.file.*;
import java.sql.*;
import org.postgresql.PGConnection;
public class CopyBaseline {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
        Connection c = pg.getPostgresDatabase().getConnection()) {
      long t1 = System.nanoTime();
      for (String f : new String[] {"notifications.csv", "children.csv"}) {
        String header = Files.newBufferedReader(Path.of(a[0], f)).readLine();
        StringBuilder cols = new StringBuilder();
        for (String col : header.split(",")) cols.append(cols.length() == 0 ? "" : ", ").append(col).append(" text");
        try (Statement s = c.createStatement()) {
          s.execute("create table \"" + f + "\" (" + cols + ")");
        }
        try (Reader r = Files.newBufferedReader(Path.of(a[0], f))) {
          c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy \"" + f + "\" from stdin (format csv, header)", r);
        }
      }
      long t2 = System.nanoTime();
      System.out.printf("COPY %.3f %.3f%n", (t2 - t1) / 1e9, (t2 - t0) / 1e9);
    }
  }
}
JAVA
javac -cp "$cp" -d "$work" "$work/Generate.java" "$work/CopyBaseline.java"
java -cp "$cp" Generate "$work/in" "$n"
rows() { echo $(($(wc -l < "$work/in/$1") - 1)); }
echo "input: $(rows notifications.csv) notifications, $(rows children.csv) children"
for r in $(seq 1 "$rounds"); do
  start=$(date +%s.%N)
  java -jar target/observatory.jar import "$work/in" --data-dir "$work/data-$r" > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }
  end=$(date +%s.%N)
  rm -rf "$work/data-$r"
  imp=$(echo "$end - $start" | bc)
  read -r _ copy copystart < <(java -cp "$cp" CopyBaseline "$work/in" 2>/dev/null | grep "^COPY " | tail -1)
  echo "round $r: import $imp s; COPY $copy s (with PostgreSQL's start $copystart s)"
  echo "import $imp" >> "$work/times"; echo "copy $copy" >> "$work/times"; echo "copy+start $copystart" >> "$work/times"
  echo "ratio $(echo "$imp / $copy" | bc -l)" >> "$work/times"
  echo "ratio-with-start $(echo "$imp / $copystart" | bc -l)" >> "$work/times"
done
echo
printf '%-18s %9s %9s %9s\n' figure min median max
for k in import copy copy+start ratio ratio-with-start; do
  grep "^$k " "$work/times" | awk '{print $2}' | sort -n | awk -v k="$k" '
    { x[NR] = $1 }
    END { m = (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2;
          printf "%-18s %9.2f %9.2f %9.2f\n", k, x[1], m, x[NR] }'
done
