package uk.gov.observatory.learning;

import java.math.BigDecimal;

/**
 * How far two coders agreed on one code over the double-coded cases: percent agreement (1 decimal
 * place, half up) and Cohen's kappa over the values as nominal categories (3 decimal places, half
 * up; null when expected agreement is 1, or nothing was double-coded).
 */
public record AgreementRow(
    String code, int casesDoubleCoded, BigDecimal percentAgreement, BigDecimal kappa) {}
