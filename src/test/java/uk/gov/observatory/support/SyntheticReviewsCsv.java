package uk.gov.observatory.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a synthetic, valid set of all four files the import reads (made-up data, fixed seed): the
 * notifications and children of {@link SyntheticCsv}, then {@code rapid_reviews.csv} (about 95% of
 * notifications have a rapid review: received or still a draft, every decision, reasons, the
 * Panel's views, practice themes) and {@code lcsprs.csv} (for reviews that decided on an LCSPR;
 * some LCSPRs cover two notifications; every publication status and every lifecycle state). Columns
 * are in another order than the export's, to show the import reads any order. The counts are the
 * generator's own, kept as it writes, for tests to check the register against.
 */
public final class SyntheticReviewsCsv {

  static final String[] DECISIONS = {"LCSPR", "NO_LCSPR", "UNDECIDED"};
  static final String[] NO_LCSPR_REASONS = {
    "LEARNING_ALREADY_IDENTIFIED", "NO_NEW_LEARNING", "OTHER_PROCESS", "OTHER"
  };
  static final String[] THEMES = {
    "CHILD_DAILY_LIFE",
    "RELUCTANT_ENGAGEMENT",
    "CRITICAL_THINKING",
    "CHANGING_RISK",
    "INFORMATION_SHARING",
    "LEADERSHIP_CULTURE"
  };

  private SyntheticReviewsCsv() {}

  /**
   * What the generator wrote, counted as it wrote it.
   *
   * @param submitted rapid reviews with a received date
   * @param byDecision rapid reviews by decision
   * @param panelViews rapid reviews with the Panel's view
   * @param links notifications covered, summed over the LCSPRs
   * @param coveringTwo LCSPRs that cover two notifications
   * @param byPublicationStatus LCSPRs by the file's publication_status
   * @param byLifecycle LCSPRs by the lifecycle state the register should hold
   */
  public record Counts(
      int rapidReviews,
      int submitted,
      Map<String, Integer> byDecision,
      int panelViews,
      int lcsprs,
      int links,
      int coveringTwo,
      Map<String, Integer> byPublicationStatus,
      Map<String, Integer> byLifecycle) {}

  public record Written(
      SyntheticCsv.Files2 notifications, Path rapidReviews, Path lcsprs, Counts counts) {}

  public static Written write(Path dir, int notifications, int everyNthHasTwo) throws IOException {
    SyntheticCsv.Files2 base = SyntheticCsv.write(dir, notifications, everyNthHasTwo);
    // The notifications' references and notified dates, read back from the file just written
    // (SyntheticCsv writes no quoted field in it).
    List<String> refs = new ArrayList<>();
    List<LocalDate> notified = new ArrayList<>();
    List<String> lines = Files.readAllLines(base.notifications(), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int refColumn = header.indexOf("notification_ref");
    int notifiedColumn = header.indexOf("notified_date");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      refs.add(f[refColumn]);
      notified.add(LocalDate.parse(f[notifiedColumn]));
    }

    Random random = new Random(20210415L);
    List<String> rr = new ArrayList<>();
    rr.add(
        "decision,notification_ref,received_date,panel_view,no_lcspr_reason,practice_themes,"
            + "alternative_methodology");
    int reviews = 0;
    int submitted = 0;
    int views = 0;
    Map<String, Integer> byDecision = new TreeMap<>();
    // Notifications whose received rapid review decided on an LCSPR, with the received date.
    List<String> lcsprRefs = new ArrayList<>();
    List<LocalDate> lcsprReceived = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (random.nextInt(100) >= 95) {
        continue;
      }
      boolean received = random.nextInt(10) < 9;
      LocalDate receivedDate = received ? notified.get(i).plusDays(3 + random.nextInt(28)) : null;
      int d = random.nextInt(100);
      String decision =
          received
              ? (d < 40 ? "LCSPR" : d < 88 ? "NO_LCSPR" : "UNDECIDED")
              : (d < 25 ? "LCSPR" : d < 50 ? "NO_LCSPR" : "UNDECIDED");
      String reason =
          decision.equals("NO_LCSPR") && random.nextInt(4) != 0
              ? NO_LCSPR_REASONS[random.nextInt(NO_LCSPR_REASONS.length)]
              : "";
      String view = "";
      if (received && !decision.equals("UNDECIDED")) {
        int v = random.nextInt(100);
        view = v < 70 ? "AGREE" : v < 82 ? "DISAGREE" : "";
      }
      List<String> themes = new ArrayList<>();
      int themeCount = random.nextInt(4);
      while (themes.size() < themeCount) {
        String t = THEMES[random.nextInt(THEMES.length)];
        if (!themes.contains(t)) {
          themes.add(t);
        }
      }
      String alternative = random.nextInt(25) == 0 ? "Y" : "N";
      rr.add(
          String.join(
              ",",
              decision,
              refs.get(i),
              received ? receivedDate.toString() : "",
              view,
              reason,
              String.join(";", themes),
              alternative));
      reviews++;
      submitted += received ? 1 : 0;
      views += view.isEmpty() ? 0 : 1;
      byDecision.merge(decision, 1, Integer::sum);
      if (received && decision.equals("LCSPR")) {
        lcsprRefs.add(refs.get(i));
        lcsprReceived.add(receivedDate);
      }
    }

    List<String> ls = new ArrayList<>();
    ls.add(
        "lcspr_ref,publication_status,notification_refs,initiated_date,completed_date,"
            + "panel_notified_of_publication_date,publication_date");
    int lcsprs = 0;
    int links = 0;
    int coveringTwo = 0;
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byLifecycle = new TreeMap<>();
    for (int i = 0; i < lcsprRefs.size(); i++) {
      List<String> covered = new ArrayList<>(List.of(lcsprRefs.get(i)));
      LocalDate latestReceived = lcsprReceived.get(i);
      if (i + 1 < lcsprRefs.size() && random.nextInt(100) < 15) {
        // One review of two incidents: named in either order (the export sorts them).
        i++;
        covered.add(random.nextBoolean() ? covered.size() : 0, lcsprRefs.get(i));
        if (lcsprReceived.get(i).isAfter(latestReceived)) {
          latestReceived = lcsprReceived.get(i);
        }
        coveringTwo++;
      }
      lcsprs++;
      links += covered.size();
      LocalDate initiated = latestReceived.plusDays(random.nextInt(46));
      LocalDate completed = initiated.plusDays(90 + random.nextInt(271));
      LocalDate panelNotified = completed.plusDays(5 + random.nextInt(56));
      LocalDate published;
      String status;
      String lifecycle;
      int s = random.nextInt(100);
      if (s < 12) {
        status = "NOT_DECIDED";
        lifecycle = "INITIATED";
        completed = panelNotified = published = null;
      } else if (s < 20) {
        status = "INTENDS_TO_PUBLISH";
        lifecycle = "INITIATED";
        completed = panelNotified = published = null;
      } else if (s < 28) {
        status = "NOT_DECIDED";
        lifecycle = "COMPLETED";
        panelNotified = published = null;
      } else if (s < 36) {
        status = "INTENDS_TO_PUBLISH";
        lifecycle = "COMPLETED";
        panelNotified = published = null;
      } else if (s < 46) {
        status = "INTENDS_TO_PUBLISH";
        lifecycle = "PUBLICATION_NOTIFIED";
        published = null;
      } else if (s < 49) {
        status = "NOT_DECIDED";
        lifecycle = "PUBLICATION_NOTIFIED";
        published = null;
      } else if (s < 88) {
        status = "PUBLISHED";
        lifecycle = "PUBLISHED";
        if (random.nextInt(5) == 0) {
          panelNotified = null; // published without telling the Panel
          published = completed.plusDays(20 + random.nextInt(70));
        } else {
          published = panelNotified.plusDays(random.nextInt(41)); // some at short notice
        }
      } else {
        status = "NOT_PUBLISHING";
        lifecycle = "NOT_PUBLISHING";
        published = null;
        panelNotified = null;
        if (random.nextInt(5) < 2) {
          completed = null;
        }
      }
      ls.add(
          String.join(
              ",",
              String.format("SYN-LCSPR-%04d", lcsprs),
              status,
              String.join(";", covered),
              initiated.toString(),
              text(completed),
              text(panelNotified),
              text(published)));
      byStatus.merge(status, 1, Integer::sum);
      byLifecycle.merge(lifecycle, 1, Integer::sum);
    }

    Path rp = dir.resolve("rapid_reviews.csv");
    Path lp = dir.resolve("lcsprs.csv");
    Files.write(rp, rr, StandardCharsets.UTF_8);
    Files.write(lp, ls, StandardCharsets.UTF_8);
    return new Written(
        base,
        rp,
        lp,
        new Counts(
            reviews,
            submitted,
            byDecision,
            views,
            lcsprs,
            links,
            coveringTwo,
            byStatus,
            byLifecycle));
  }

  private static String text(LocalDate d) {
    return d == null ? "" : d.toString();
  }
}
