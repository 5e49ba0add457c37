package uk.gov.observatory.learning;

/**
 * What a new thematic analysis starts with (or an analysis being scoped is changed to).
 *
 * @param ref its reference (null: the system assigns {@code TA-YYYY-NN})
 * @param lead the username of the account that leads it
 */
public record NewAnalysis(
    String ref, String title, String question, String lead, Population population) {}
