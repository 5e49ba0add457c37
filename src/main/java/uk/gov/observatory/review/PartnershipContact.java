package uk.gov.observatory.review;

/**
 * Where a safeguarding partnership's reminders go. By default each local authority is its own
 * partnership, whose code is the authority's GSS code.
 *
 * @param authorityName the name of the local authority of that code
 */
public record PartnershipContact(String partnershipCode, String authorityName, String email) {}
