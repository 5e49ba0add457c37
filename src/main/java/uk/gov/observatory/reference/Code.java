package uk.gov.observatory.reference;

/** One value of a closed code list: the code stored, the label a person sees, and its group. */
public record Code(String code, String label, String group) {}
