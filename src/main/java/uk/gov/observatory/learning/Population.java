package uk.gov.observatory.learning;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which notifications an analysis (or its control group) draws from: a filter over notifications
 * and their rapid reviews and LCSPRs. A null date or an empty set does not filter. Codes are the
 * data standard's. {@code covidFactor}: null does not filter, {@code "ANY"} needs at least one
 * COVID-19 factor, a code needs that factor. {@code lcsprDecisions}: the rapid review's decision
 * ({@code LCSPR}, {@code NO_LCSPR}, {@code UNDECIDED}).
 */
public record Population(
    LocalDate incidentFrom,
    LocalDate incidentTo,
    LocalDate notifiedFrom,
    LocalDate notifiedTo,
    LocalDate receivedFrom,
    LocalDate receivedTo,
    Set<String> types,
    Set<String> deathCategories,
    Set<String> harmCategories,
    Set<String> ageBands,
    Set<String> regions,
    Set<String> laCodes,
    Set<String> caseCharacteristics,
    String covidFactor,
    Set<String> practiceThemes,
    Set<String> lcsprDecisions) {

  public static final String ANY_COVID_FACTOR = "ANY";

  public Population {
    types = types == null ? Set.of() : Set.copyOf(types);
    deathCategories = deathCategories == null ? Set.of() : Set.copyOf(deathCategories);
    harmCategories = harmCategories == null ? Set.of() : Set.copyOf(harmCategories);
    ageBands = ageBands == null ? Set.of() : Set.copyOf(ageBands);
    regions = regions == null ? Set.of() : Set.copyOf(regions);
    laCodes = laCodes == null ? Set.of() : Set.copyOf(laCodes);
    caseCharacteristics = caseCharacteristics == null ? Set.of() : Set.copyOf(caseCharacteristics);
    practiceThemes = practiceThemes == null ? Set.of() : Set.copyOf(practiceThemes);
    lcsprDecisions = lcsprDecisions == null ? Set.of() : Set.copyOf(lcsprDecisions);
  }

  /** Every notification whose rapid review was received in the range (the command line's). */
  public static Population received(LocalDate from, LocalDate to) {
    return new Population(
        null, null, null, null, from, to, null, null, null, null, null, null, null, null, null,
        null);
  }

  public Population withTypes(Set<String> t) {
    return new Population(
        incidentFrom,
        incidentTo,
        notifiedFrom,
        notifiedTo,
        receivedFrom,
        receivedTo,
        t,
        deathCategories,
        harmCategories,
        ageBands,
        regions,
        laCodes,
        caseCharacteristics,
        covidFactor,
        practiceThemes,
        lcsprDecisions);
  }

  public Population withCovidFactor(String factor) {
    return new Population(
        incidentFrom,
        incidentTo,
        notifiedFrom,
        notifiedTo,
        receivedFrom,
        receivedTo,
        types,
        deathCategories,
        harmCategories,
        ageBands,
        regions,
        laCodes,
        caseCharacteristics,
        factor,
        practiceThemes,
        lcsprDecisions);
  }
}
