package uk.gov.observatory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL side of the module boundaries: which module's SQL uses which module's tables, views and
 * functions, and how.
 *
 * <p>Not a full SQL parser: the SQL here is mostly fragments (Java string literals joined at run
 * time, {@code "(select * from " + table + " n where "}), which no parser accepts, so this is a
 * tokeniser. It reads every string literal and text block of the Java sources, and every statement
 * of the migrations; drops SQL comments and quoted SQL strings; and takes a word as a use of a
 * table, view or function when it is one of the declared names and either
 *
 * <ul>
 *   <li>has an underscore (such a name is never an English word: {@code rapid_review}, {@code
 *       report_read_model_mark}), or
 *   <li>follows {@code from}, {@code join}, {@code into}, {@code update}, {@code table}, {@code
 *       truncate}, {@code references}, {@code on} or {@code only} ({@code from notification n}).
 * </ul>
 *
 * A literal without a space ({@code "child"}, {@code "api_token"}, {@code "review/rapid_review"})
 * is not read as SQL: such literals are model attributes, template names, file names, JSON names
 * and audit record types far more often than table names. So SQL must name its tables inside its
 * SQL text, never pass a table's name as a separate string to be joined in (which this check could
 * not follow).
 *
 * <p>A use is a <em>write</em> after {@code insert into}, {@code update}, {@code delete from},
 * {@code truncate}, or as the table a trigger or index is made {@code on}; a <em>reference</em>
 * after {@code references} (a foreign key); else a <em>read</em> (or a call, for a function).
 *
 * <p>A migration statement belongs to the module that owns what it creates, alters or drops ({@code
 * create table report_case} is analytics', {@code create index ... on notification} and {@code
 * alter table child} notification's, {@code create trigger t ... on x} the owner of {@code t}'s). A
 * Java file belongs to the module of its package.
 */
final class SqlBoundaries {

  enum Use {
    READ,
    REFERENCE,
    WRITE
  }

  /** SQL text of one module: a Java file's string literals, or one migration statement. */
  record Source(String module, String file, int line, String sql, boolean noSpace) {}

  /** One use of a table, view or function. */
  record Found(String module, String file, int line, String name, Use use) {}

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final Set<String> BEFORE_TABLE =
      Set.of("from", "join", "into", "update", "table", "truncate", "references", "on", "only");

  private SqlBoundaries() {}

  // ---------------------------------------------------------------------------------------------
  // Java sources

  /** The string literals (and text blocks) of every Java file under a source root. */
  static List<Source> javaSources(Path root) {
    List<Source> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String module = moduleOf(relative);
        if (module == null) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        sources.addAll(javaLiterals(module, "src/main/java/" + relative, text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  /** The module of a path like {@code uk/gov/observatory/review/internal/X.java}, or null. */
  static String moduleOf(String relative) {
    String prefix = "uk/gov/observatory/";
    if (!relative.startsWith(prefix)) {
      return null;
    }
    String rest = relative.substring(prefix.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? null : rest.substring(0, slash);
  }

  /** Every string literal and text block of a Java text, with its line (comments skipped). */
  static List<Source> javaLiterals(String module, String file, String text) {
    List<Source> literals = new ArrayList<>();
    int i = 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (text.startsWith("//", i)) {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(text, i, end, '\n');
        i = end;
      } else if (text.startsWith("\"\"\"", i)) {
        int start = i + 3;
        int end = start;
        StringBuilder value = new StringBuilder();
        while (end < n && !text.startsWith("\"\"\"", end)) {
          if (text.charAt(end) == '\\' && end + 1 < n) {
            value.append(' ');
            end += 2;
          } else {
            value.append(text.charAt(end++));
          }
        }
        literals.add(new Source(module, file, line, value.toString(), false));
        line += count(text, i, Math.min(end + 3, n), '\n');
        i = Math.min(end + 3, n);
      } else if (c == '"') {
        int end = i + 1;
        StringBuilder value = new StringBuilder();
        while (end < n && text.charAt(end) != '"' && text.charAt(end) != '\n') {
          if (text.charAt(end) == '\\' && end + 1 < n) {
            char escaped = text.charAt(end + 1);
            value.append(escaped == 'n' || escaped == 't' ? ' ' : escaped);
            end += 2;
          } else {
            value.append(text.charAt(end++));
          }
        }
        String sql = value.toString();
        literals.add(new Source(module, file, line, sql, !sql.strip().matches("(?s).*\\s.*")));
        i = end + 1;
      } else if (c == '\'') {
        // a char literal: '"' must not open a string
        int end = text.charAt(i + 1) == '\\' ? text.indexOf('\'', i + 3) : i + 2;
        i = end + 1;
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int count(String text, int from, int to, char c) {
    int found = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        found++;
      }
    }
    return found;
  }

  // ---------------------------------------------------------------------------------------------
  // Migrations

  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

  /** The migrations' file names, in version order. */
  static List<Path> migrations(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> MIGRATION.matcher(f.getFileName().toString()).matches())
          .sorted(
              (a, b) ->
                  Integer.compare(
                      version(a.getFileName().toString()), version(b.getFileName().toString())))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int version(String name) {
    Matcher m = MIGRATION.matcher(name);
    m.matches();
    return Integer.parseInt(m.group(1));
  }

  /**
   * A migration's statements (split at semicolons outside quotes and dollar-quoted bodies), with
   * their lines, SQL comments and quoted strings blanked out.
   */
  static List<Source> migrationStatements(String file, String text) {
    String sql = blankCommentsAndStrings(text);
    List<Source> statements = new ArrayList<>();
    int start = 0;
    boolean inBody = false;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.startsWith("$$", i)) {
        inBody = !inBody;
        i++;
      } else if (sql.charAt(i) == ';' && !inBody) {
        addStatement(statements, file, text, sql, start, i);
        start = i + 1;
      }
    }
    addStatement(statements, file, text, sql, start, sql.length());
    return statements;
  }

  private static void addStatement(
      List<Source> statements, String file, String text, String sql, int from, int to) {
    String statement = sql.substring(from, to);
    if (statement.isBlank()) {
      return;
    }
    int first = from;
    while (Character.isWhitespace(sql.charAt(first))) {
      first++;
    }
    int line = 1 + count(text, 0, first, '\n');
    statements.add(new Source(null, file, line, sql.substring(first, to), false));
  }

  /** The text with -- comments, /* comments and '...' strings replaced by spaces. */
  static String blankCommentsAndStrings(String text) {
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    while (i < text.length()) {
      int end;
      if (text.startsWith("--", i)) {
        end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
      } else if (text.startsWith("/*", i)) {
        end = text.indexOf("*/", i);
        end = end < 0 ? text.length() : end + 2;
      } else if (text.charAt(i) == '\'') {
        end = i + 1;
        while (end < text.length()) {
          if (text.charAt(end) == '\'') {
            if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        end = Math.min(end + 1, text.length());
      } else {
        i++;
        continue;
      }
      for (int k = i; k < end; k++) {
        if (out.charAt(k) != '\n') {
          out.setCharAt(k, ' ');
        }
      }
      i = end;
    }
    return out.toString();
  }

  private static final Pattern DEFINES =
      Pattern.compile(
          "^\\s*(?:create\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?(?:unique\\s+)?"
              + "(table|view|function|trigger|index)"
              + "|alter\\s+(table|view|function)|drop\\s+(table|view|function|trigger|index)"
              + "(?:\\s+if\\s+exists)?|insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?"
              + "|comment\\s+on\\s+(table|view|function|column))\\s+([a-z_][a-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);

  /**
   * Statements about a database role (a block creating it, or granting it to someone: the role's
   * name) or granting rights on a table or view (the first one's name).
   */
  private static final List<Pattern> ROLES_AND_GRANTS =
      List.of(
          Pattern.compile(
              "^\\s*do\\s+\\$\\$.*?\\bcreate\\s+role\\s+([a-z_][a-z0-9_]*)",
              Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
          Pattern.compile(
              "^\\s*grant\\s+(?:select|insert|update|delete|,|\\s)+\\s+on\\s+(?:table\\s+)?"
                  + "([a-z_][a-z0-9_]*)",
              Pattern.CASE_INSENSITIVE),
          Pattern.compile("^\\s*grant\\s+([a-z_][a-z0-9_]*)\\s+to\\s", Pattern.CASE_INSENSITIVE));

  private static final Pattern ON_TABLE =
      Pattern.compile("\\bon\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

  /** What a migration statement creates, alters or drops: the name whose owner it belongs to. */
  static String definedName(String statement) {
    for (Pattern roleOrGrant : ROLES_AND_GRANTS) {
      Matcher r = roleOrGrant.matcher(statement);
      if (r.find()) {
        return r.group(1).toLowerCase(Locale.ROOT);
      }
    }
    Matcher m = DEFINES.matcher(statement);
    if (!m.find()) {
      return null;
    }
    String name = m.group(5).toLowerCase(Locale.ROOT);
    if ("index".equalsIgnoreCase(m.group(1)) || "index".equalsIgnoreCase(m.group(3))) {
      Matcher on = ON_TABLE.matcher(statement);
      return on.find() ? on.group(1).toLowerCase(Locale.ROOT) : null;
    }
    if ("column".equalsIgnoreCase(m.group(4))) {
      return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }
    return name;
  }

  private static final Pattern CREATES =
      Pattern.compile(
          "^\\s*create\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?"
              + "(?:table|view|function|trigger)\\s+([a-z_][a-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DROPS =
      Pattern.compile(
          "^\\s*drop\\s+(?:table|view|function|trigger)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The table, view, function or trigger a statement creates (or replaces), or the database role a
   * block creates, or null.
   */
  static String createdName(String statement) {
    Matcher role = ROLES_AND_GRANTS.get(0).matcher(statement);
    if (role.find()) {
      return role.group(1).toLowerCase(Locale.ROOT);
    }
    Matcher m = CREATES.matcher(statement);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** The table, view, function or trigger a statement drops, or null. */
  static String droppedName(String statement) {
    Matcher m = DROPS.matcher(statement);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /**
   * The statements that still hold: a statement creating a name is superseded by a later one that
   * replaces or drops it (so a view made again over published views in a later migration is judged
   * by its new text, and a dropped trigger not at all). Other statements (alter, index, insert)
   * always hold.
   */
  static List<Source> current(List<Source> statements) {
    Map<String, Integer> definition = new java.util.HashMap<>();
    Set<Integer> superseded = new java.util.HashSet<>();
    for (int i = 0; i < statements.size(); i++) {
      String sql = statements.get(i).sql();
      String created = createdName(sql);
      String dropped = droppedName(sql);
      Integer before = created != null ? definition.put(created, i) : null;
      if (dropped != null) {
        before = definition.remove(dropped);
      }
      if (before != null) {
        superseded.add(before);
      }
    }
    List<Source> current = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      if (!superseded.contains(i)) {
        current.add(statements.get(i));
      }
    }
    return current;
  }

  /** Whether a statement only removes what it names (its other names are not uses). */
  static boolean drops(String statement) {
    return statement.stripLeading().toLowerCase(Locale.ROOT).startsWith("drop ");
  }

  // ---------------------------------------------------------------------------------------------
  // Uses

  /** The uses of the named tables, views and functions in one source. */
  static List<Found> uses(Source source, Set<String> names) {
    String sql = source.file().endsWith(".sql") ? source.sql() : blankQuoted(source.sql());
    List<Found> found = new ArrayList<>();
    Matcher word = WORD.matcher(sql);
    String previous = "";
    String beforePrevious = "";
    boolean truncating = false;
    boolean triggerOrIndex =
        Pattern.compile(
                "^\\s*create\\s+(or\\s+replace\\s+)?(constraint\\s+)?(unique\\s+)?(trigger|index)\\b",
                Pattern.CASE_INSENSITIVE)
            .matcher(sql)
            .find();
    int end = 0;
    while (word.find()) {
      String w = word.group().toLowerCase(Locale.ROOT);
      String between = sql.substring(end, word.start());
      end = word.end();
      if (between.contains(".")) {
        // a column (n.notification_ref), not a table
        beforePrevious = previous;
        previous = w;
        continue;
      }
      if (truncating && !between.trim().equals(",") && !previous.equals("truncate")) {
        truncating = false;
      }
      if (names.contains(w)) {
        boolean positioned = BEFORE_TABLE.contains(previous) || truncating;
        if (!source.noSpace() && (w.contains("_") || positioned)) {
          Use use = Use.READ;
          if (previous.equals("into")
              || previous.equals("update")
              || truncating
              || previous.equals("truncate")
              || (previous.equals("table") && beforePrevious.equals("truncate"))
              || (previous.equals("from") && beforePrevious.equals("delete"))
              || (previous.equals("on") && triggerOrIndex)) {
            use = Use.WRITE;
          } else if (previous.equals("references")) {
            use = Use.REFERENCE;
          }
          int line = source.line() + count(sql, 0, word.start(), '\n');
          found.add(new Found(source.module(), source.file(), line, w, use));
        }
      }
      if (w.equals("truncate")) {
        truncating = true;
      }
      beforePrevious = previous;
      previous = w;
    }
    return found;
  }

  /** A Java literal's SQL with its complete '...' strings blanked out. */
  private static String blankQuoted(String sql) {
    return count(sql, 0, sql.length(), '\'') % 2 == 0 ? blankCommentsAndStrings(sql) : sql;
  }

  // ---------------------------------------------------------------------------------------------
  // The rule

  /**
   * The crossings among the uses: a module's SQL may use its own tables, views and functions
   * freely; another module's only to read (or call) what that module publishes for reading, or to
   * reference by foreign key what it publishes as a key, and only when it may depend on that
   * module. It never writes another module's table, nor puts a trigger or an index on one.
   *
   * @param owners every table, view, function and trigger, and its module
   * @param readable per module, what other modules may read or call
   * @param keys per module, the tables other modules may reference by foreign key
   * @param allowed per module, the modules it may depend on
   */
  static List<String> crossings(
      List<Found> uses,
      Map<String, String> owners,
      Map<String, Set<String>> readable,
      Map<String, Set<String>> keys,
      Map<String, Set<String>> allowed) {
    Set<String> problems = new TreeSet<>();
    for (Found use : uses) {
      String owner = owners.get(use.name());
      if (owner == null || owner.equals(use.module())) {
        continue;
      }
      String where = use.file() + ":" + use.line();
      String what = "module " + use.module() + " (" + where + ") ";
      switch (use.use()) {
        case WRITE ->
            problems.add(
                what + "writes " + owner + "'s " + use.name() + ": only " + owner + " may");
        case REFERENCE -> {
          if (!keys.getOrDefault(owner, Set.of()).contains(use.name())) {
            problems.add(
                what
                    + "references "
                    + owner
                    + "'s "
                    + use.name()
                    + ", which "
                    + owner
                    + " does not publish as a key");
          } else if (!allowed.getOrDefault(use.module(), Set.of()).contains(owner)) {
            problems.add(what + "references " + use.name() + " but may not depend on " + owner);
          }
        }
        case READ -> {
          if (!readable.getOrDefault(owner, Set.of()).contains(use.name())) {
            problems.add(
                what
                    + "reads "
                    + owner
                    + "'s "
                    + use.name()
                    + ", which "
                    + owner
                    + " does not publish (it publishes "
                    + new TreeSet<>(readable.getOrDefault(owner, Set.of()))
                    + ")");
          } else if (!allowed.getOrDefault(use.module(), Set.of()).contains(owner)) {
            problems.add(
                what
                    + "reads "
                    + owner
                    + "'s "
                    + use.name()
                    + " but may not depend on "
                    + owner
                    + " (add it to "
                    + use.module()
                    + "'s allowedDependencies)");
          }
        }
      }
    }
    return List.copyOf(problems);
  }
}
