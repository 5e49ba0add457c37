package uk.gov.observatory.analytics;

/** One cell of a report in the tidy layout: {@code table_id,row_code,column_code,value}. */
public record Cell(String tableId, String rowCode, String columnCode, String value) {}
