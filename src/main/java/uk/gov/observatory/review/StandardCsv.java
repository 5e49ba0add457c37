package uk.gov.observatory.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.ImportProblem;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.notification.ImportResult;
import uk.gov.observatory.notification.NotificationCsv;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.internal.ReviewCsvFiles;
import uk.gov.observatory.review.internal.YearlyReportCsv;

/**
 * The CSV files of DATA-STANDARD.md section 5 that this version reads and writes, together: {@code
 * notifications.csv}, {@code children.csv}, {@code rapid_reviews.csv} and {@code lcsprs.csv} (the
 * last two optional on import). An import checks every file and stores every row of every file in
 * one transaction, or nothing, reporting every problem of every file; an export writes all four
 * from one snapshot, and importing it into an empty register and exporting again gives the same
 * bytes.
 */
@Component
public class StandardCsv {

  public static final String RAPID_REVIEWS = ReviewCsvFiles.RAPID_REVIEWS;
  public static final String LCSPRS = ReviewCsvFiles.LCSPRS;

  /** The files in the order their problems are reported. */
  static final List<String> FILES =
      List.of(
          NotificationCsv.NOTIFICATIONS,
          NotificationCsv.CHILDREN,
          RAPID_REVIEWS,
          LCSPRS,
          YearlyReportCsv.FILE);

  private final NotificationCsv notifications;
  private final ReviewCsvFiles reviews;
  private final YearlyReportCsv yearlyReports;
  private final NotificationRegister register;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final TransactionTemplate snapshot;

  public StandardCsv(
      NotificationCsv notifications,
      ReviewCsvFiles reviews,
      YearlyReportCsv yearlyReports,
      NotificationRegister register,
      AuditLog audit,
      PlatformTransactionManager transactions) {
    this.notifications = notifications;
    this.reviews = reviews;
    this.yearlyReports = yearlyReports;
    this.register = register;
    this.audit = audit;
    this.tx = new TransactionTemplate(transactions);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * What an import did: nothing at all when there are problems, otherwise the counts stored.
   *
   * @param replaced notifications the register held that this import replaced
   * @param replacedRapidReviews rapid reviews the register held that a row of rapid_reviews.csv
   *     replaced
   * @param removedRapidReviews rapid reviews of replaced notifications that rapid_reviews.csv does
   *     not give again, so gone with them
   * @param replacedLcsprs LCSPRs the register held that a row of lcsprs.csv replaced
   * @param yearlyReports partnerships' yearly reports stored (or replaced)
   */
  public record Imported(
      List<ImportProblem> problems,
      int notifications,
      int children,
      int rapidReviews,
      int lcsprs,
      int replaced,
      int replacedRapidReviews,
      int removedRapidReviews,
      int replacedLcsprs,
      int yearlyReports) {

    public Imported {
      problems = List.copyOf(problems);
    }

    public boolean stored() {
      return problems.isEmpty();
    }

    static Imported refused(List<ImportProblem> problems) {
      return new Imported(problems, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  /** What an export wrote. */
  public record Exported(long notifications, long rapidReviews, long lcsprs, long yearlyReports) {}

  /** As {@link #importFrom(Path, boolean, ImportProgress, String)}, done by the system. */
  public Imported importFrom(Path dir, boolean replace, ImportProgress progress) {
    return importFrom(dir, replace, progress, Actors.SYSTEM);
  }

  /**
   * Reads the standard's files from a folder and stores every row of every file, or none. With
   * {@code replace}, a notification the register holds is replaced with its rapid review and its
   * LCSPR links (by what the files say), and so are rapid reviews and LCSPRs it holds under the
   * same key. Audited as imported by {@code actor}, in the same transaction.
   */
  public Imported importFrom(Path dir, boolean replace, ImportProgress progress, String actor) {
    return tx.execute(
        status -> {
          List<ImportProblem> problems = new ArrayList<>(NotificationCsv.notYetImported(dir));
          NotificationCsv.Checked n = notifications.check(dir, replace, progress);
          ReviewCsvFiles.Checked r = reviews.check(dir, n, replace, progress, actor);
          YearlyReportCsv.Checked y = yearlyReports.check(dir, replace);
          problems.addAll(n.problems());
          problems.addAll(r.problems());
          problems.addAll(y.problems());
          if (!problems.isEmpty()) {
            status.setRollbackOnly();
            problems.sort(
                Comparator.comparingInt((ImportProblem p) -> FILES.indexOf(p.file()))
                    .thenComparingLong(ImportProblem::line));
            return Imported.refused(problems);
          }
          ImportResult stored = notifications.store(n, replace, progress, actor);
          ReviewCsvFiles.Stored s = reviews.store(r, progress, actor);
          int storedYearly = yearlyReports.store(y.reports(), actor);
          return new Imported(
              List.of(),
              stored.notifications(),
              stored.children(),
              s.rapidReviews(),
              s.lcsprs(),
              stored.replaced(),
              s.replacedRapidReviews(),
              s.removedRapidReviews(),
              s.replacedLcsprs(),
              storedYearly);
        });
  }

  /** As {@link #exportTo(Path, boolean, String)}, done by the system. */
  public Exported exportTo(Path dir, boolean identifying) {
    return exportTo(dir, identifying, Actors.SYSTEM);
  }

  /**
   * Writes the four files to a folder (children's names and dates of birth only when {@code
   * identifying}), all from one snapshot of the register. The export is audited first, on its own:
   * when that cannot be done, nothing is written.
   */
  public Exported exportTo(Path dir, boolean identifying, String actor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("notifications", register.count());
    details.put("rapid_reviews", reviews.countRapidReviews());
    details.put("lcsprs", reviews.countLcsprs());
    details.put("yearly_reports", yearlyReports.count());
    details.put("identifying", identifying);
    details.put("folder", dir.toAbsolutePath().normalize().toString());
    audit.record(
        AuditEvent.of(actor, AuditAction.EXPORTED, NotificationRegister.AUDIT_RECORD_TYPE, null)
            .withDetails(AuditJson.of(details)));
    return snapshot.execute(
        status -> {
          status.setRollbackOnly(); // reads only
          long n = notifications.writeFiles(dir, identifying);
          long[] counts = reviews.writeFiles(dir);
          long y = yearlyReports.write(dir);
          return new Exported(n, counts[0], counts[1], y);
        });
  }
}
