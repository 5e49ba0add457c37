package uk.gov.observatory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a page, in the order they are shown in the error summary: each links to the id of
 * the field it is about (or to another page) and says what is wrong.
 */
public class FormErrors {

  /** One entry of the error summary: where it links and what it says. */
  public record Entry(String key, String href, String message, boolean shown) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Adds an error for a field id on this page (the first error for a field wins). */
  public FormErrors add(String fieldId, String message) {
    entries.putIfAbsent(
        fieldId, new Entry(fieldId, fieldId == null ? null : "#" + fieldId, message, true));
    return this;
  }

  /** Adds an error linking somewhere else (for example another page of the journey). */
  public FormErrors addLink(String key, String href, String message) {
    entries.putIfAbsent(key, new Entry(key, href, message, true));
    return this;
  }

  /**
   * Marks a field (for example a whole date input) as wrong, with its message, without another
   * entry in the error summary.
   */
  public FormErrors mark(String key, String message) {
    entries.putIfAbsent(key, new Entry(key, null, message, false));
    return this;
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public String get(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.message();
  }

  public boolean isAny() {
    return !entries.isEmpty();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public List<Entry> getList() {
    return new ArrayList<>(entries.values().stream().filter(Entry::shown).toList());
  }
}
