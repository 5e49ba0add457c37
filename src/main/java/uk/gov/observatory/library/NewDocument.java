package uk.gov.observatory.library;

/**
 * A document to add: its details, the LCSPR whose report it is (its reference, or null: then its
 * linked notifications, authority, age bands and categories come from that LCSPR where the details
 * leave them blank), what it came from ({@code sourceRef}, e.g. "analysis:12", or null) and its PDF
 * (or null: a document may start with its details only).
 */
public record NewDocument(
    DocumentDetails details, String lcsprRef, String sourceRef, PdfFile pdf) {}
