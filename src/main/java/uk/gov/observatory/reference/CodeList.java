package uk.gov.observatory.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A closed list of codes (DATA-STANDARD.md section 4), in the order the standard gives them. */
public final class CodeList {

  private final String name;
  private final Map<String, Code> codes;

  public CodeList(String name, List<Code> codes) {
    this.name = name;
    this.codes = new LinkedHashMap<>();
    codes.forEach(c -> this.codes.put(c.code(), c));
  }

  public String name() {
    return name;
  }

  public boolean contains(String code) {
    return code != null && codes.containsKey(code);
  }

  public Optional<Code> find(String code) {
    return Optional.ofNullable(code == null ? null : codes.get(code));
  }

  /** The label of a code, or the code itself when it is not in the list. */
  public String label(String code) {
    return find(code).map(Code::label).orElse(code);
  }

  public List<Code> codes() {
    return List.copyOf(codes.values());
  }

  /** The allowed values, as an error message lists them. */
  public String allowed() {
    return String.join(", ", codes.keySet());
  }

  @Override
  public String toString() {
    return name + codes.keySet().stream().collect(Collectors.joining(",", "[", "]"));
  }
}
