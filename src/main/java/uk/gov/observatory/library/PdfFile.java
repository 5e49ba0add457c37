package uk.gov.observatory.library;

/** An uploaded PDF: its file name (as given) and its bytes. */
public record PdfFile(String filename, byte[] content) {}
