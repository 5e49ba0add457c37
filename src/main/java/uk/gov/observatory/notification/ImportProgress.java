package uk.gov.observatory.notification;

/** Told how an import is getting on, so a terminal can draw a progress bar. */
public interface ImportProgress {
  ImportProgress NONE = new ImportProgress() {};

  /** A new stage begins: {@code total} steps, described for a person. */
  default void stage(String description, long total) {}

  default void step() {}
}
