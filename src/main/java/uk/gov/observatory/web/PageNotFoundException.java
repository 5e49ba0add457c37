package uk.gov.observatory.web;

/** A page that does not exist (for example an unknown notification reference): shown as a 404. */
public class PageNotFoundException extends RuntimeException {
  public PageNotFoundException(String what) {
    super(what);
  }
}
