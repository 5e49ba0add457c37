package uk.gov.observatory.reference.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import uk.gov.observatory.reference.Code;
import uk.gov.observatory.reference.CodeList;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;

/**
 * Reads the reference files the project carries in {@code src/main/resources/reference}: {@code
 * las.csv} and {@code regions.csv} (DfE published-data QA lists) and {@code code-lists.csv}.
 */
@Component
public class ClasspathReferenceData implements ReferenceData {

  private static final DateTimeFormatter DFE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Map<String, LocalAuthority> localAuthorities = new LinkedHashMap<>();
  private final Map<String, List<LocalAuthority>> sameAuthority = new LinkedHashMap<>();
  private final List<Region> regions = new ArrayList<>();
  private final Map<String, CodeList> codeLists = new LinkedHashMap<>();

  public ClasspathReferenceData() {
    read(
        "reference/regions.csv",
        r -> regions.add(new Region(r.get("region_code"), r.get("region_name"))));
    read("reference/las.csv", this::addLocalAuthority);
    linkCodesOfTheSameAuthority();
    Map<String, List<Code>> lists = new LinkedHashMap<>();
    read(
        "reference/code-lists.csv",
        r ->
            lists
                .computeIfAbsent(r.get("list"), k -> new ArrayList<>())
                .add(new Code(r.get("code"), r.get("label"), blankToNull(r.get("group")))));
    lists.forEach((name, codes) -> codeLists.put(name, new CodeList(name, codes)));
  }

  private void addLocalAuthority(CSVRecord r) {
    String code = r.get("new_la_code");
    // Rows whose code holds "/" (combined services) and the row "z" are not local authorities.
    if (code.contains("/") || !code.startsWith("E")) {
      return;
    }
    localAuthorities.put(
        code,
        new LocalAuthority(
            code,
            r.get("la_name"),
            LocalDate.parse(r.get("date_of_operation"), DFE_DATE),
            r.get("date_of_termination").isBlank()
                ? null
                : LocalDate.parse(r.get("date_of_termination"), DFE_DATE),
            r.get("parent_geography_code"),
            blankToNull(r.get("old_la_code"))));
  }

  /**
   * Follows each authority through its codes: a code is continued by the code that has the same
   * real DfE (old) LA code and begins the day after it ends (when exactly one does). Each
   * authority's codes are then listed once, earliest first, under every one of its codes.
   */
  private void linkCodesOfTheSameAuthority() {
    Map<String, LocalAuthority> successor = new LinkedHashMap<>();
    Map<String, LocalAuthority> predecessor = new LinkedHashMap<>();
    for (LocalAuthority earlier : localAuthorities.values()) {
      if (earlier.terminationDate() == null || !realDfeCode(earlier.oldCode())) {
        continue;
      }
      List<LocalAuthority> next =
          localAuthorities.values().stream()
              .filter(later -> earlier.oldCode().equals(later.oldCode()))
              .filter(later -> later.operationDate().equals(earlier.terminationDate().plusDays(1)))
              .toList();
      // Two successors sharing the DfE code would be a split: neither is the same authority.
      if (next.size() == 1) {
        successor.put(earlier.code(), next.get(0));
        predecessor.put(next.get(0).code(), earlier);
      }
    }
    for (LocalAuthority la : localAuthorities.values()) {
      if (predecessor.containsKey(la.code())) {
        continue;
      }
      List<LocalAuthority> codes = new ArrayList<>();
      for (LocalAuthority c = la; c != null; c = successor.get(c.code())) {
        codes.add(c);
      }
      List<LocalAuthority> chain = List.copyOf(codes);
      chain.forEach(c -> sameAuthority.put(c.code(), chain));
    }
  }

  /** A DfE LA code proper: three digits (not "x", not a combined "940 / 941"). */
  private static boolean realDfeCode(String oldCode) {
    return oldCode != null && oldCode.matches("[0-9]{3}");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void read(String resource, Consumer<CSVRecord> each) {
    try (Reader in =
        new InputStreamReader(
            new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .forEach(each);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference file " + resource, e);
    }
  }

  @Override
  public Optional<LocalAuthority> localAuthority(String code) {
    return Optional.ofNullable(code == null ? null : localAuthorities.get(code));
  }

  @Override
  public List<LocalAuthority> localAuthorities() {
    return localAuthorities.values().stream()
        .sorted(Comparator.comparing(LocalAuthority::name).thenComparing(LocalAuthority::code))
        .toList();
  }

  @Override
  public List<LocalAuthority> sameAuthority(String code) {
    return code == null ? List.of() : sameAuthority.getOrDefault(code, List.of());
  }

  @Override
  public List<Region> regions() {
    return List.copyOf(regions);
  }

  @Override
  public CodeList codeList(String name) {
    CodeList list = codeLists.get(name);
    if (list == null) {
      throw new IllegalArgumentException("no code list named " + name);
    }
    return list;
  }

  Map<String, CodeList> allCodeLists() {
    return codeLists;
  }
}
