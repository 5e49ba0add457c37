package uk.gov.observatory.analytics;

import java.util.Map;

/** Each report table's title in words, for the pages and the workbooks. */
public final class TableTitles {

  private TableTitles() {}

  /** Table id to its title. */
  public static final Map<String, String> TITLES =
      Map.ofEntries(
          Map.entry("H", "Headline figures"),
          Map.entry("T1", "Table 1: ethnicity of children"),
          Map.entry("T2", "Table 2: category of death"),
          Map.entry("T3", "Table 3: category of non-fatal serious harm"),
          Map.entry("T4", "Table 4: case characteristics"),
          Map.entry("T4A", "Domestic abuse: pattern"),
          Map.entry("T5", "Table 5: service involvement"),
          Map.entry("T6", "Table 6: timeliness of rapid reviews"),
          Map.entry("T7", "Table 7: timeliness outside an authorised extension"),
          Map.entry("T8", "Table 8: timeliness inside an authorised extension"),
          Map.entry("D1", "Rapid review decisions"),
          Map.entry("D2", "LCSPR rate by kind of incident"),
          Map.entry("D3", "The Panel's view"),
          Map.entry("L1", "LCSPRs initiated by year"),
          Map.entry("L2", "LCSPR publication"),
          Map.entry("A1", "Age and gender of children"),
          Map.entry("LA1", "Notifications per local authority"),
          Map.entry("IMD1", "Deprivation"),
          Map.entry("CV1", "COVID-19 factors"),
          Map.entry("TH1", "Practice themes"),
          Map.entry("Y1", "Yearly reports"));

  /** The table's title, or its id when it has none. */
  public static String of(String tableId) {
    return TITLES.getOrDefault(tableId, tableId);
  }
}
