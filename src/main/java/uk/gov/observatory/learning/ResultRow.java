package uk.gov.observatory.learning;

import java.math.BigDecimal;

/**
 * One tidy row of an analysis's results (results.csv): of {@code cases} cases of the group (and of
 * the grouping's group, or all), {@code count} were coded {@code value} for {@code code}; percent
 * and Wilson's 95% interval as percentages to 1 decimal place, half up. For {@link
 * Group#DIFFERENCE} rows, {@code cases} and {@code count} are null and the percent and interval are
 * the difference in percentage points (sample minus control) with Newcombe's hybrid score interval.
 *
 * @param grouping the grouping's group label (e.g. "Suicide"), or {@code ALL}
 */
public record ResultRow(
    String code,
    String value,
    Group group,
    String grouping,
    Integer cases,
    Integer count,
    BigDecimal percent,
    BigDecimal ciLow,
    BigDecimal ciHigh) {

  public static final String ALL = "ALL";
}
