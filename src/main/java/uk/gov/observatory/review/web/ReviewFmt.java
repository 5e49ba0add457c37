package uk.gov.observatory.review.web;

import org.springframework.stereotype.Component;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.web.Fmt;

/** The review pages' words for review records, for templates ({@code @reviewFmt}). */
@Component("reviewFmt")
class ReviewFmt {

  private final Fmt fmt;

  ReviewFmt(Fmt fmt) {
    this.fmt = fmt;
  }

  /** A regulation 11 criterion in words. */
  public String criterion(String code) {
    return switch (code) {
      case "IMPROVEMENTS_NEEDED" ->
          "It highlights improvements needed to safeguard and promote the welfare of children";
      case "RECURRENT_THEMES" -> "It highlights recurrent themes in safeguarding children";
      case "AGENCIES_WORKING_TOGETHER" ->
          "It raises concerns about how organisations worked together to safeguard the child";
      case "PANEL_THINKS_LOCAL_REVIEW_APPROPRIATE" ->
          "The Panel has said it thinks a local review more appropriate";
      default -> code;
    };
  }

  /** A state on a timeline in words (an LCSPR's or a rapid review's); other text as it is. */
  public String state(String code) {
    if (code == null) {
      return "";
    }
    for (uk.gov.observatory.review.LcsprStatus s : uk.gov.observatory.review.LcsprStatus.values()) {
      if (s.name().equals(code)) {
        return s.label();
      }
    }
    return switch (code) {
      case "DRAFT" -> "Draft";
      case "SUBMITTED" -> "Submitted";
      default -> code;
    };
  }

  /** An LCSPR's state in words, with its publication intention until final. */
  public String lcsprStatus(Lcspr l) {
    String state = l.status().label();
    return switch (l.status()) {
      case PUBLISHED, NOT_PUBLISHING, WITHDRAWN -> state;
      default ->
          state + " (" + fmt.label("publication_status", l.intention().name()).toLowerCase() + ")";
    };
  }
}
