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

  /** An LCSPR's state in words, with its publication intention until final. */
  public String lcsprStatus(Lcspr l) {
    String state =
        switch (l.status()) {
          case INITIATED -> "Initiated";
          case COMPLETED -> "Completed";
          case PUBLICATION_NOTIFIED -> "Panel notified of publication";
          case PUBLISHED -> "Published";
          case NOT_PUBLISHING -> "Not publishing";
        };
    return switch (l.status()) {
      case PUBLISHED, NOT_PUBLISHING -> state;
      default ->
          state + " (" + fmt.label("publication_status", l.intention().name()).toLowerCase() + ")";
    };
  }
}
