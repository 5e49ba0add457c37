package uk.gov.observatory.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.reference.internal.ClasspathReferenceData;

class ReferenceDataTest {

  final ReferenceData reference = new ClasspathReferenceData();

  @Test
  @DisplayName("151 local authorities were in operation on 2020-07-01 and 153 on 2026-11-26")
  void localAuthoritiesInOperation() {
    assertThat(reference.localAuthoritiesInOperationOn(LocalDate.of(2020, 7, 1))).hasSize(151);
    assertThat(reference.localAuthoritiesInOperationOn(LocalDate.of(2026, 11, 26))).hasSize(153);
  }

  @Test
  @DisplayName("a local authority is in operation up to and including its termination date")
  void terminationDateIsTheLastDay() {
    LocalAuthority poole = reference.localAuthority("E06000029").orElseThrow();
    assertThat(poole.inOperationOn(LocalDate.of(2019, 3, 31))).isTrue();
    assertThat(poole.inOperationOn(LocalDate.of(2019, 4, 1))).isFalse();
    LocalAuthority bcp = reference.localAuthority("E06000058").orElseThrow();
    assertThat(bcp.inOperationOn(LocalDate.of(2019, 3, 31))).isFalse();
    assertThat(bcp.inOperationOn(LocalDate.of(2019, 4, 1))).isTrue();
  }

  @Test
  @DisplayName(
      "combined rows and the forces row are not local authorities; every LA has one of nine regions")
  void onlyRealAuthorities() {
    assertThat(reference.localAuthority("z")).isEmpty();
    assertThat(reference.localAuthorities()).noneMatch(la -> la.code().contains("/"));
    assertThat(reference.regions()).hasSize(9);
    assertThat(reference.localAuthorities())
        .allSatisfy(
            la -> assertThat(reference.regions()).anyMatch(r -> r.code().equals(la.regionCode())));
  }

  @Test
  @DisplayName(
      "the code lists hold the standard's codes, e.g. 16 death categories and 10 harm categories")
  void codeLists() {
    assertThat(reference.codeList(CodeLists.DEATH_CATEGORY).codes()).hasSize(16);
    assertThat(reference.codeList(CodeLists.HARM_CATEGORY).codes()).hasSize(10);
    assertThat(reference.codeList(CodeLists.CASE_CHARACTERISTICS).codes()).hasSize(18);
    assertThat(reference.codeList(CodeLists.ETHNICITY).codes()).hasSize(20);
    assertThat(reference.codeList(CodeLists.NOTIFICATION_TYPE).allowed())
        .isEqualTo("DEATH, SERIOUS_HARM, OTHER");
    assertThat(reference.codeList(CodeLists.HARM_CATEGORY).label("CSA_INTRA_FAMILIAL"))
        .isEqualTo("Child sexual abuse – intra-familial");
  }
}
