package uk.gov.observatory.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.reference.internal.ClasspathReferenceData;

/**
 * An authority followed through its codes. The expectations were worked by hand from las.csv: the
 * rows sharing a three-digit DfE (old) code, one ending the day before the other begins.
 */
class SameAuthorityTest {

  final ReferenceData reference = new ClasspathReferenceData();

  @Test
  @DisplayName(
      "Sheffield is one authority under E08000019 (to 30/04/2025) and E08000039, both ways")
  void sheffield() {
    assertThat(reference.codesOf("E08000019")).containsExactly("E08000019", "E08000039");
    assertThat(reference.codesOf("E08000039")).containsExactly("E08000019", "E08000039");
    assertThat(reference.current("E08000019").orElseThrow())
        .extracting(LocalAuthority::code, LocalAuthority::name)
        .containsExactly("E08000039", "Sheffield");
    assertThat(reference.current("E08000039").orElseThrow().code()).isEqualTo("E08000039");
  }

  @Test
  @DisplayName("Barnsley, Gateshead, North Yorkshire and Somerset keep their identity when recoded")
  void otherRecodings() {
    assertThat(reference.codesOf("E08000038")).containsExactly("E08000016", "E08000038");
    assertThat(reference.codesOf("E08000016")).containsExactly("E08000016", "E08000038");
    assertThat(reference.codesOf("E08000020")).containsExactly("E08000020", "E08000037");
    assertThat(reference.codesOf("E06000065")).containsExactly("E10000023", "E06000065");
    assertThat(reference.codesOf("E10000027")).containsExactly("E10000027", "E06000066");
  }

  @Test
  @DisplayName(
      "Buckinghamshire county (E10000002, to 31/03/2020) is the unitary E06000060 (DfE 825)")
  void buckinghamshire() {
    assertThat(reference.codesOf("E10000002")).containsExactly("E10000002", "E06000060");
    assertThat(reference.codesOf("E06000060")).containsExactly("E10000002", "E06000060");
    assertThat(reference.current("E10000002").orElseThrow().code()).isEqualTo("E06000060");
  }

  @Test
  @DisplayName(
      "Northumberland is E06000048 then E06000057 (929); the 2009 county row with DfE code 'x' is"
          + " not linked")
  void northumberland() {
    assertThat(reference.codesOf("E06000057")).containsExactly("E06000048", "E06000057");
    assertThat(reference.codesOf("E06000048")).containsExactly("E06000048", "E06000057");
    assertThat(reference.codesOf("E10000022")).containsExactly("E10000022");
    assertThat(reference.codesOf("E10000026")).containsExactly("E10000026"); // Shropshire, 'x'
    assertThat(reference.codesOf("E06000051")).containsExactly("E06000051");
  }

  @Test
  @DisplayName(
      "a split with new DfE codes is not the same authority: Northamptonshire (928) is neither North"
          + " (940) nor West (941) Northamptonshire; it stays its own, ended, authority")
  void northamptonshireIsNotItsSuccessors() {
    assertThat(reference.codesOf("E10000021")).containsExactly("E10000021");
    assertThat(reference.codesOf("E06000061")).containsExactly("E06000061");
    assertThat(reference.codesOf("E06000062")).containsExactly("E06000062");
    assertThat(reference.current("E10000021").orElseThrow())
        .extracting(LocalAuthority::code, LocalAuthority::name)
        .containsExactly("E10000021", "Northamptonshire");
    // Cumbria (909) and its successors (942, 943) likewise.
    assertThat(reference.codesOf("E10000006")).containsExactly("E10000006");
  }

  @Test
  @DisplayName("Dorset county (835) and the Dorset unitary (838) are different authorities")
  void dorset() {
    assertThat(reference.codesOf("E10000009")).containsExactly("E10000009");
    assertThat(reference.codesOf("E06000059")).containsExactly("E06000059");
  }

  @Test
  @DisplayName("compound rows, the forces row and unknown codes are no authority at all")
  void notAuthorities() {
    assertThat(reference.sameAuthority("E06000061 / E06000062")).isEmpty();
    assertThat(reference.sameAuthority("E09000021 / E09000027")).isEmpty();
    assertThat(reference.sameAuthority("z")).isEmpty();
    assertThat(reference.sameAuthority("E99999999")).isEmpty();
    assertThat(reference.sameAuthority(null)).isEmpty();
    assertThat(reference.current("E99999999")).isEmpty();
    assertThat(reference.codesOf("E09000033")).containsExactly("E09000033");
  }

  @Test
  @DisplayName(
      "a list to choose from has one entry per authority: 172 codes, 7 recoded, so 165 entries,"
          + " each under its current code")
  void oneEntryPerAuthority() {
    List<LocalAuthority> authorities = reference.authorities();
    assertThat(authorities).hasSize(165);
    assertThat(authorities)
        .extracting(LocalAuthority::code)
        .contains("E08000039", "E08000038", "E06000060", "E06000057", "E10000021")
        .doesNotContain("E08000019", "E08000016", "E10000002", "E06000048");
    // The names still shared belong to different authorities (a DfE code 'x' row, or Dorset).
    Map<String, List<String>> shared =
        authorities.stream()
            .collect(
                Collectors.groupingBy(
                    LocalAuthority::name,
                    Collectors.mapping(LocalAuthority::code, Collectors.toList())));
    shared.values().removeIf(codes -> codes.size() < 2);
    assertThat(shared)
        .containsOnlyKeys("Dorset", "Northumberland", "Shropshire", "Wiltshire")
        .containsEntry("Dorset", List.of("E06000059", "E10000009"));
  }
}
