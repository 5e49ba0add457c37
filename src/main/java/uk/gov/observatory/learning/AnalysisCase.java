package uk.gov.observatory.learning;

/**
 * One case drawn into an analysis, as it was when drawn (frozen: a later change to the register
 * does not change it). Codes are the data standard's; labels come from the code lists.
 *
 * @param position the order drawn in (1, 2, ...) within its group
 * @param leftPopulation true when the case no longer matches the population it was drawn from (or
 *     was deleted): flagged, never dropped
 */
public record AnalysisCase(
    String notificationRef,
    Group group,
    int position,
    String laCode,
    String regionCode,
    String notificationType,
    String deathCategory,
    String harmCategory,
    String ageBand,
    String caseTheme,
    boolean leftPopulation) {}
