package uk.gov.observatory;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import uk.gov.observatory.SqlBoundaries.Found;
import uk.gov.observatory.SqlBoundaries.Source;

/**
 * Module boundaries that hold for SQL too: each table, view, function and trigger the migrations
 * create belongs to one module ({@link #OWNERS}); a module's SQL (the string literals of its Java
 * code and the migration statements that are its) uses another module's only through what that
 * module publishes ({@link #READABLE}, {@link #KEYS}), and only when its {@code package-info.java}
 * allows it to depend on that module. How the SQL is read: {@link SqlBoundaries}.
 */
class SqlBoundaryTest {

  static final Path JAVA = Path.of("src/main/java");
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /**
   * Every table, view, function and trigger the migrations create, and the module it belongs to
   * (the one whose code writes it, or defines it). A name created in a migration and missing here
   * fails {@link #everyCreatedNameHasAnOwner()}.
   */
  static final Map<String, String> OWNERS =
      Map.ofEntries(
          // reference (V1): filled by reference.internal.ReferenceDataLoader
          entry("region", "reference"),
          entry("local_authority", "reference"),
          entry("code_list_entry", "reference"),
          // notification (V1)
          entry("notification", "notification"),
          entry("child", "notification"),
          entry("notification_ref_counter", "notification"),
          entry("idempotency_key", "notification"),
          // notification (V24): each year's reference sequence, made and advanced
          entry("notification_ref_year", "notification"),
          entry("notification_ref_next", "notification"),
          entry("notification_ref_take", "notification"),
          // notification (V12): published views, its change hook and the triggers that call it
          entry("published_notification", "notification"),
          entry("published_child", "notification"),
          entry("notification_changed", "notification"),
          entry("notification_published_row_changed", "notification"),
          entry("child_published_row_changed", "notification"),
          entry("notification_published_inserted", "notification"),
          entry("notification_published_updated", "notification"),
          entry("child_published_inserted_or_deleted", "notification"),
          entry("child_published_updated", "notification"),
          // notification (V17): where its register reads review statuses (a hook filled by review)
          entry("notification_review_status", "notification"),
          // notification (V33): the same statuses, for a page of the register (filled by review)
          entry("notification_review_status_of_few", "notification"),
          // notification (V13): drafts saved on the server as the notifier goes
          entry("notification_draft", "notification"),
          // notification (V14): the versions an amendment keeps
          entry("notification_version", "notification"),
          // audit (V3)
          entry("audit_entry", "audit"),
          entry("audit_entry_append_only", "audit"),
          entry("audit_entry_no_update_or_delete", "audit"),
          entry("audit_entry_no_truncate", "audit"),
          entry("audit_viewer", "audit"),
          // access (V4, V5)
          entry("account", "access"),
          entry("account_la", "access"),
          entry("recovery_code", "access"),
          entry("api_token", "access"),
          entry("declared_interest", "access"),
          // V34: what tells every instance that accounts changed
          entry("access_changed", "access"),
          entry("account_access_changed", "access"),
          entry("account_la_access_changed", "access"),
          entry("api_token_access_changed", "access"),
          entry("declared_interest_access_changed", "access"),
          // review (V7, V9: yearly reports are imported by review.internal.YearlyReportCsv)
          entry("timeliness_policy_period", "review"),
          entry("rapid_review", "review"),
          entry("rapid_review_version", "review"),
          entry("challenge", "review"),
          entry("challenge_message", "review"),
          entry("lcspr", "review"),
          entry("lcspr_notification", "review"),
          entry("lcspr_recommendation", "review"),
          entry("case_event", "review"),
          entry("partnership_contact", "review"),
          entry("outbox_email", "review"),
          entry("yearly_report", "review"),
          // review (V12): published views, its change hook and the triggers that call it
          entry("published_rapid_review", "review"),
          entry("published_lcspr", "review"),
          entry("published_lcspr_notification", "review"),
          entry("published_timeliness_policy_period", "review"),
          entry("published_yearly_report", "review"),
          entry("rapid_review_changed", "review"),
          entry("rapid_review_published_row_changed", "review"),
          entry("rapid_review_published_inserted_or_deleted", "review"),
          entry("rapid_review_published_updated", "review"),
          // calendar (V10): filled by calendar.internal.WorkingDayTableLoader
          entry("working_day", "calendar"),
          // analytics (V11): the report's read model
          entry("report_case", "analytics"),
          entry("report_child", "analytics"),
          entry("report_case_source", "analytics"),
          entry("report_child_source", "analytics"),
          entry("report_read_model_refresh", "analytics"),
          entry("report_read_model_rebuild", "analytics"),
          entry("report_read_model_catch_up_pending", "analytics"),
          entry("report_read_model_pending", "analytics"),
          entry("report_read_model_mark", "analytics"),
          entry("report_read_model_catch_up", "analytics"),
          entry("report_read_model_caught_up_at_commit", "analytics"),
          // (V11's triggers on notification, child and rapid_review, dropped by V12)
          entry("report_read_model_notification_changed", "analytics"),
          entry("report_read_model_child_changed", "analytics"),
          entry("report_read_model_rapid_review_changed", "analytics"),
          entry("report_read_model_notification_inserted", "analytics"),
          entry("report_read_model_notification_updated", "analytics"),
          entry("report_read_model_child_inserted_or_deleted", "analytics"),
          entry("report_read_model_child_updated", "analytics"),
          entry("report_read_model_rapid_review_inserted_or_deleted", "analytics"),
          entry("report_read_model_rapid_review_updated", "analytics"),
          entry("report_read_model_basis", "analytics"),
          // analytics (V26): the report's version, the key of its cache
          entry("report_version", "analytics"),
          entry("report_version_bump", "analytics"),
          entry("report_case_version_bumped", "analytics"),
          entry("report_child_version_bumped", "analytics"),
          // review (V26): its hook for a statement on a table behind its published views
          entry("review_published_changed", "review"),
          entry("review_published_statement_changed", "review"),
          entry("rapid_review_published_statement_changed", "review"),
          entry("lcspr_published_statement_changed", "review"),
          // review (V33): the rule of a notification's review status, used by both status views
          entry("review_status_rule", "review"),
          entry("lcspr_notification_published_statement_changed", "review"),
          entry("timeliness_policy_period_published_statement_changed", "review"),
          entry("yearly_report_published_statement_changed", "review"),
          // V18: editions of the Panel's report, frozen when published
          entry("edition", "publication"),
          entry("edition_paragraph", "publication"),
          entry("edition_open_data_part", "publication"),
          entry("edition_cell", "publication"),
          entry("edition_file", "publication"),
          entry("edition_revision", "publication"),
          entry("edition_frozen", "publication"),
          entry("edition_part_frozen", "publication"),
          entry("edition_paragraph_frozen", "publication"),
          entry("edition_open_data_part_frozen", "publication"),
          entry("edition_cell_frozen", "publication"),
          entry("edition_file_frozen", "publication"),
          entry("edition_revision_frozen", "publication"),
          // V19: thematic analyses (issue 17)
          entry("thematic_analysis", "learning"),
          entry("analysis_frame_code", "learning"),
          entry("analysis_case", "learning"),
          entry("analysis_assignment", "learning"),
          entry("analysis_coding", "learning"),
          entry("analysis_resolution", "learning"),
          // V20: the quarterly learning briefing, frozen when published
          entry("learning_briefing", "learning"),
          entry("learning_excerpt", "learning"),
          entry("learning_briefing_frozen", "learning"),
          entry("learning_excerpt_frozen", "learning"),
          // V21: the learning library, and what the public may read of it
          entry("library_document", "library"),
          entry("library_page", "library"),
          entry("library_subscriber", "library"),
          entry("library_mailing", "library"),
          entry("library_public_document", "library"),
          entry("library_public_page", "library"),
          entry("library_public_file", "library"),
          // V25: what several instances share: sessions (Spring Session JDBC) and rate limits
          entry("spring_session", "web"),
          entry("spring_session_attributes", "web"),
          entry("rate_limit_window", "web"),
          entry("rate_limit_hit", "web"),
          entry("rate_limit_hit_by", "web"),
          entry("rate_limit_bucket", "web"),
          // (a database role: the public pages read as it, and it reaches only the three views)
          entry("observatory_library_reader", "library"),
          // V23: the library's version, bumped by its own tables' triggers
          entry("library_state", "library"),
          entry("library_changed", "library"),
          entry("library_document_changed", "library"),
          entry("library_document_emptied", "library"),
          entry("library_page_changed", "library"),
          entry("library_page_emptied", "library"),
          // V28: every link token a subscriber was sent
          entry("library_subscriber_token", "library"));

  /** What each module publishes for other modules' SQL to read (views, tables) or call. */
  static final Map<String, Set<String>> READABLE =
      Map.of(
          // reference data is loaded by reference alone and read by everyone, as it is
          "reference",
          Set.of("region", "local_authority", "code_list_entry"),
          // working days, so that SQL counts them (V10)
          "calendar",
          Set.of("working_day"),
          // V12: notifications and children without identifying details
          "notification",
          Set.of("published_notification", "published_child"),
          // V12: what reports count of reviews (no text, no LCSPR report)
          "review",
          Set.of(
              "published_rapid_review",
              "published_lcspr",
              "published_lcspr_notification",
              "published_timeliness_policy_period",
              "published_yearly_report"));

  /**
   * Change hooks: a function a module declares and calls from its own triggers when a row of its
   * published views changes, and the one module that implements it (its {@code create or replace
   * function} is that module's SQL). So a module learns of another's changes in the same
   * transaction without a trigger on the other's table.
   */
  static final Map<String, String> HOOKS =
      Map.of(
          "notification_changed", "analytics",
          "rapid_review_changed", "analytics",
          "review_published_changed", "analytics",
          // (V17: a view, filled in by review; notification's register reads it)
          "notification_review_status", "review",
          // (V33: the same, shaped for looking up a few)
          "notification_review_status_of_few", "review");

  /** The tables whose keys other modules may reference by foreign key. */
  static final Map<String, Set<String>> KEYS =
      Map.of(
          "reference", Set.of("region", "local_authority"),
          "notification", Set.of("notification"),
          "access", Set.of("account"));

  /**
   * SQL named as an exception, with the reason. Only whole files, only with a reason a reader can
   * check.
   */
  static final Map<String, String> EXCEPTIONS =
      Map.of(
          "src/main/java/uk/gov/observatory/cli/BenchCommand.java",
          "the import benchmark copies the register in bulk, table by table (issue 14 names it as"
              + " the one exception)",
          "src/main/java/uk/gov/observatory/cli/LibraryBenchCommand.java",
          "the library benchmark runs the bare full text query over the public views beside the"
              + " library's own search, as issue 18 asks (it reads, never writes)");

  /** Each module's declared allowed dependencies (its package-info.java). */
  static Map<String, Set<String>> allowedDependencies() {
    Map<String, Set<String>> allowed = new HashMap<>();
    for (ApplicationModule module : ModuleStructureTest.MODULES) {
      String name = module.getIdentifier().toString();
      try {
        org.springframework.modulith.ApplicationModule declared =
            Class.forName(module.getBasePackage().getName() + ".package-info")
                .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        allowed.put(
            name,
            declared == null
                ? Set.of()
                : Set.copyOf(Arrays.asList(declared.allowedDependencies())));
      } catch (ClassNotFoundException e) {
        allowed.put(name, Set.of());
      }
    }
    return allowed;
  }

  /**
   * The migration statements that still hold ({@link SqlBoundaries#current}), each with the module
   * it belongs to (null: none could be told).
   */
  static List<Source> migrationSources() throws IOException {
    List<Source> sources = new ArrayList<>();
    for (Source statement : SqlBoundaries.current(allMigrationStatements())) {
      String hook = SqlBoundaries.createdName(statement.sql());
      sources.add(
          hook != null && HOOKS.containsKey(hook)
              ? new Source(
                  HOOKS.get(hook), statement.file(), statement.line(), statement.sql(), false)
              : statement);
    }
    return sources;
  }

  /** Every migration statement, with the module it belongs to (null: none could be told). */
  static List<Source> allMigrationStatements() throws IOException {
    List<Source> sources = new ArrayList<>();
    for (Path file : SqlBoundaries.migrations(MIGRATIONS)) {
      String name = "src/main/resources/db/migration/" + file.getFileName();
      for (Source statement :
          SqlBoundaries.migrationStatements(name, Files.readString(file, StandardCharsets.UTF_8))) {
        String defined = SqlBoundaries.definedName(statement.sql());
        sources.add(
            new Source(
                defined == null ? null : OWNERS.get(defined),
                statement.file(),
                statement.line(),
                statement.sql(),
                false));
      }
    }
    return sources;
  }

  static List<Found> uses(List<Source> sources) {
    List<Found> uses = new ArrayList<>();
    for (Source source : sources) {
      boolean migrationDrop = source.file().endsWith(".sql") && SqlBoundaries.drops(source.sql());
      if (!EXCEPTIONS.containsKey(source.file()) && !migrationDrop) {
        for (Found use : SqlBoundaries.uses(source, OWNERS.keySet())) {
          // (a hook's implementation names the hook)
          if (!use.module().equals(HOOKS.get(use.name()))) {
            uses.add(use);
          }
        }
      }
    }
    return uses;
  }

  static List<String> crossings(List<Source> sources) {
    return SqlBoundaries.crossings(uses(sources), OWNERS, READABLE, KEYS, allowedDependencies());
  }

  @Test
  @DisplayName("every table, view, function and trigger a migration creates belongs to a module")
  void everyCreatedNameHasAnOwner() throws IOException {
    List<String> unowned = new ArrayList<>();
    Set<String> created = new TreeSet<>();
    for (Source statement : allMigrationStatements()) {
      if (statement.module() == null) {
        String defined = SqlBoundaries.definedName(statement.sql());
        unowned.add(
            statement.file()
                + ":"
                + statement.line()
                + " "
                + (defined == null ? "(cannot tell what this statement is about)" : defined));
      }
      if (SqlBoundaries.createdName(statement.sql()) != null) {
        created.add(SqlBoundaries.createdName(statement.sql()));
      }
    }
    assertThat(unowned)
        .as("migration statements about a name missing from SqlBoundaryTest.OWNERS")
        .isEmpty();
    assertThat(new TreeSet<>(OWNERS.keySet()))
        .as("names in SqlBoundaryTest.OWNERS that no migration creates")
        .isSubsetOf(created);
  }

  @Test
  @DisplayName(
      "no module's SQL reads or writes another module's tables except through what that module"
          + " publishes, and only a module it may depend on")
  void sqlKeepsToTheModuleBoundaries() throws IOException {
    List<Source> sources = new ArrayList<>(SqlBoundaries.javaSources(JAVA));
    sources.addAll(migrationSources());
    assertThat(crossings(sources)).isEmpty();
  }

  @Test
  @DisplayName("a change hook is implemented only by a module that may depend on its owner")
  void hooksFollowTheDependencies() {
    Map<String, Set<String>> allowed = allowedDependencies();
    HOOKS.forEach(
        (hook, implementer) ->
            assertThat(allowed.get(implementer))
                .as(implementer + " implements " + OWNERS.get(hook) + "'s " + hook)
                .contains(OWNERS.get(hook)));
  }

  @Test
  @DisplayName("the check finds a planted cross-module query, naming the module, file and table")
  void findsAPlantedCrossing() {
    String planted =
        """
        package uk.gov.observatory.review.internal;

        class Planted {
          // select * from audit_entry (a comment: not SQL)
          String sql = "select count(*) from notification n";
          String text =
              \"""
              select r.id
                from rapid_review r
                join declared_interest d on d.la_code = r.la_code
              \""";
          String other = "update report_case set late = true";
          String words = "The notification was read"; // English, not SQL
        }
        """;
    String file = "src/main/java/uk/gov/observatory/review/internal/Planted.java";
    List<String> found = crossings(SqlBoundaries.javaLiterals("review", file, planted));
    assertThat(found)
        .containsExactlyInAnyOrder(
            "module review ("
                + file
                + ":10) reads access's declared_interest, which access does not publish (it"
                + " publishes [])",
            "module review ("
                + file
                + ":5) reads notification's notification, which notification does not publish"
                + " (it publishes "
                + new TreeSet<>(READABLE.getOrDefault("notification", Set.of()))
                + ")",
            "module review (" + file + ":12) writes analytics's report_case: only analytics may");
  }

  @Test
  @DisplayName("the check finds a planted trigger on another module's table in a migration")
  void findsAPlantedTriggerInAMigration() {
    String migration =
        """
        -- a comment naming notification
        create function report_read_model_mark(of_notification bigint) returns void
        language plpgsql as $$ begin perform 1 from rapid_review; end $$;

        create trigger report_read_model_notification_inserted after insert on notification
          for each row execute function report_read_model_notification_changed();
        """;
    String file = "src/main/resources/db/migration/V99__planted.sql";
    List<Source> statements = new ArrayList<>();
    for (Source s : SqlBoundaries.migrationStatements(file, migration)) {
      statements.add(
          new Source(
              OWNERS.get(SqlBoundaries.definedName(s.sql())), s.file(), s.line(), s.sql(), false));
    }
    assertThat(crossings(statements))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("module analytics (" + file + ":3) reads review's rapid_review"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .isEqualTo(
                        "module analytics ("
                            + file
                            + ":5) writes notification's notification: only notification may"));
  }

  @Test
  @DisplayName("the check honours the declared dependencies: published SQL of a module not allowed")
  void findsPublishedSqlOfAModuleNotAllowed() {
    String file = "src/main/java/uk/gov/observatory/reference/Planted.java";
    List<Source> sources =
        SqlBoundaries.javaLiterals(
            "reference", file, "class Planted { String s = \"select 1 from working_day\"; }");
    assertThat(crossings(sources))
        .containsExactly(
            "module reference ("
                + file
                + ":1) reads calendar's working_day but may not depend on calendar (add it to"
                + " reference's allowedDependencies)");
  }

  /** Each module and the other modules whose published SQL it uses (for the README's map). */
  static Map<String, Set<String>> sqlDependencies() throws IOException {
    List<Source> sources = new ArrayList<>(SqlBoundaries.javaSources(JAVA));
    sources.addAll(migrationSources());
    Map<String, Set<String>> by = new TreeMap<>();
    for (Found use : uses(sources)) {
      String owner = OWNERS.get(use.name());
      if (!owner.equals(use.module())) {
        by.computeIfAbsent(use.module(), k -> new TreeSet<>()).add(owner);
      }
    }
    HOOKS.forEach(
        (hook, implementer) ->
            by.computeIfAbsent(implementer, k -> new TreeSet<>()).add(OWNERS.get(hook)));
    return by;
  }
}
