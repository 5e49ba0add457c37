package uk.gov.observatory.review.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviewStatus;
import uk.gov.observatory.review.RapidReviewVersion;
import uk.gov.observatory.review.Regulation11Criterion;
import uk.gov.observatory.web.Fmt;

/**
 * A rapid review as the Panel reads it: every section the partnership wrote, in words (labels, not
 * codes; UK dates), and its versions since it was submitted with the sections each one changed,
 * word by word. Read-only; it holds nothing that identifies a child.
 */
@Component
class RapidReviewText {

  private final Fmt fmt;
  private final ReviewFmt reviewFmt;

  RapidReviewText(Fmt fmt, ReviewFmt reviewFmt) {
    this.fmt = fmt;
    this.reviewFmt = reviewFmt;
  }

  /** One answer of the rapid review: its heading group, its question and the answer in words. */
  record Section(String group, String key, String label, String text) {}

  /** A section one version changed: the text before and after, and the words that changed. */
  record Change(String label, String before, String after, List<WordDiff.Piece> pieces) {}

  /** A version that changed what the partnership wrote (or submitted it). */
  record Version(
      int version,
      String what,
      Instant recordedAt,
      String recordedBy,
      List<Change> changes,
      boolean current,
      boolean first) {}

  /** The sections of a rapid review's content, in the order of the form. */
  List<Section> sections(RapidReviewContent c) {
    List<Section> s = new ArrayList<>();
    String facts = "Facts";
    s.add(new Section(facts, "agenciesInvolved", "Agencies involved", c.agenciesInvolved()));
    s.add(new Section(facts, "chronology", "A brief chronology", c.chronology()));
    s.add(
        new Section(
            facts,
            "immediateActions",
            "Immediate actions taken to keep children safe",
            c.immediateActions()));
    String learning = "Learning";
    s.add(
        new Section(learning, "learningIdentified", "Learning identified", c.learningIdentified()));
    s.add(
        new Section(
            learning,
            "disseminationPlan",
            "How the learning will be shared",
            c.disseminationPlan()));
    s.add(new Section(learning, "disseminationBy", "Shared by", date(c.disseminationBy())));
    String decision = "Decision";
    s.add(
        new Section(
            decision,
            "decision",
            "Will there be a local child safeguarding practice review?",
            fmt.label("rapid_review_decision", c.decision().name())));
    s.add(
        new Section(
            decision,
            "noLcsprReason",
            "If not, why not",
            c.noLcsprReason() == null
                ? null
                : fmt.label("no_lcspr_reason", c.noLcsprReason().name())));
    s.add(
        new Section(
            decision,
            "decisionRationale",
            "The rationale for the decision",
            c.decisionRationale()));
    s.add(
        new Section(
            decision,
            "criteria",
            "Criteria for a local review the case meets",
            c.criteria().isEmpty()
                ? null
                : String.join(
                    "\n",
                    c.criteria().stream()
                        .sorted()
                        .map(Regulation11Criterion::name)
                        .map(reviewFmt::criterion)
                        .toList())));
    s.add(
        new Section(
            decision,
            "alternativeMethodology",
            "Proposes another kind of review instead of an LCSPR",
            c.alternativeMethodology() ? "Yes" : "No"));
    s.add(
        new Section(
            decision,
            "alternativeMethodologyDetail",
            "The proposed review",
            c.alternativeMethodologyDetail()));
    String family = "The family";
    s.add(
        new Section(
            family,
            "ethnicityRecorded",
            "Is the child’s ethnicity recorded?",
            yesNo(c.ethnicityRecorded())));
    s.add(
        new Section(
            family,
            "familyContextRecorded",
            "Is the family context recorded?",
            yesNo(c.familyContextRecorded())));
    s.add(
        new Section(
            "Practice themes",
            "practiceThemes",
            "Practice themes",
            c.practiceThemes().isEmpty()
                ? null
                : String.join(
                    "\n",
                    c.practiceThemes().stream()
                        .map(t -> fmt.label(CodeLists.PRACTICE_THEMES, t))
                        .toList())));
    String signOff = "Sign-off by the safeguarding partners";
    s.add(
        new Section(signOff, "signedOffLa", "Local authority", date(c.signedOffLocalAuthority())));
    s.add(new Section(signOff, "signedOffHealth", "Health", date(c.signedOffHealth())));
    s.add(new Section(signOff, "signedOffPolice", "Police", date(c.signedOffPolice())));
    return s;
  }

  /** The sections grouped under their headings, in order. */
  List<List<Section>> groups(RapidReviewContent c) {
    List<List<Section>> out = new ArrayList<>();
    for (Section s : sections(c)) {
      if (out.isEmpty() || !out.get(out.size() - 1).get(0).group().equals(s.group())) {
        out.add(new ArrayList<>());
      }
      out.get(out.size() - 1).add(s);
    }
    return out;
  }

  /**
   * The versions the Panel reads, newest first: the version submitted, then each later one that
   * changed what the partnership wrote (its changed sections word by word). Versions that only
   * recorded the Panel's own view or scores are left out. Before submission: the drafts that
   * changed the text, for the partnership.
   */
  List<Version> history(List<RapidReviewVersion> versions) {
    List<Version> out = new ArrayList<>();
    RapidReviewVersion previous = null;
    for (RapidReviewVersion v : versions) {
      boolean submittedHere =
          v.status() == RapidReviewStatus.SUBMITTED
              && (previous == null || previous.status() != RapidReviewStatus.SUBMITTED);
      List<Change> changes =
          previous == null ? List.of() : changes(previous.content(), v.content());
      if (previous == null) {
        out.add(
            new Version(
                v.version(),
                submittedHere ? "Submitted" : "Started",
                v.recordedAt(),
                v.recordedBy(),
                List.of(),
                false,
                true));
      } else if (submittedHere) {
        out.add(
            new Version(
                v.version(),
                "Submitted, received " + date(v.receivedDate()),
                v.recordedAt(),
                v.recordedBy(),
                changes,
                false,
                false));
      } else if (!changes.isEmpty()) {
        out.add(
            new Version(
                v.version(),
                v.status() == RapidReviewStatus.SUBMITTED
                    ? "Amended after submission"
                    : "Draft saved",
                v.recordedAt(),
                v.recordedBy(),
                changes,
                false,
                false));
      }
      previous = v;
    }
    if (!out.isEmpty()) {
      Version last = out.remove(out.size() - 1);
      out.add(
          new Version(
              last.version(),
              last.what(),
              last.recordedAt(),
              last.recordedBy(),
              last.changes(),
              true,
              last.first()));
    }
    java.util.Collections.reverse(out);
    return out;
  }

  /** The sections whose words differ between two versions' content. */
  List<Change> changes(RapidReviewContent before, RapidReviewContent after) {
    List<Section> a = sections(before);
    List<Section> b = sections(after);
    List<Change> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i).text();
      String y = b.get(i).text();
      if (!Objects.equals(blankToNull(x), blankToNull(y))) {
        out.add(
            new Change(
                b.get(i).label(), x, y, WordDiff.of(x == null ? "" : x, y == null ? "" : y)));
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private String date(LocalDate d) {
    return d == null ? null : fmt.date(d);
  }

  private static String yesNo(Boolean b) {
    return b == null ? null : (b ? "Yes" : "No");
  }
}
