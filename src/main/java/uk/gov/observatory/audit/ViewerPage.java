package uk.gov.observatory.audit;

import java.time.Instant;
import java.util.List;

/**
 * One page of who has viewed a record, one row a person: how often they saw it, how often its
 * identifying details were shown to them, and when they last looked. {@code people} is how many
 * people in all, {@code views} how many views in all.
 */
public record ViewerPage(List<Viewer> items, long people, long views, int page, int size) {

  /** One person's views of a record. */
  public record Viewer(String actor, long views, long identifyingShown, Instant lastViewed) {}

  public int pages() {
    return (int) Math.max(1, (people + size - 1) / size);
  }

  public boolean isEmpty() {
    return people == 0;
  }
}
