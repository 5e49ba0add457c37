package uk.gov.observatory.learning;

/**
 * One code of an analysis's coding frame.
 *
 * @param code the code, as CSV files name it (e.g. {@code PARENTAL_FAMILY_STRESSORS})
 * @param label its name for people ("Parental and family stressors")
 * @param definition what a coder codes it for
 * @param scale the values it takes
 */
public record FrameCode(String code, String label, String definition, Scale scale) {}
