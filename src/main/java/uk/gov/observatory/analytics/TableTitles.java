package uk.gov.observatory.analytics;

import java.util.Map;

/**
 * Each report table's title in words: {@link #of} for the Panel's own analysis pages, and {@link
 * #number} with {@link #published} for the report as the Panel publishes it (the annual report's
 * numbering: Table 1 to Table 8, Chart 1, Graph 3, Graph 4; the other figures unnumbered).
 */
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

  /** The annual report's number of each table it numbers. */
  public static final Map<String, String> NUMBERS =
      Map.ofEntries(
          Map.entry("IMD1", "Chart 1"),
          Map.entry("A1", "Graph 3"),
          Map.entry("T1", "Table 1"),
          Map.entry("T2", "Table 2"),
          Map.entry("T3", "Table 3"),
          Map.entry("T4", "Table 4"),
          Map.entry("T5", "Table 5"),
          Map.entry("LA1", "Graph 4"),
          Map.entry("T6", "Table 6"),
          Map.entry("T7", "Table 7"),
          Map.entry("T8", "Table 8"));

  /**
   * Each table's title as the published report gives it, without its number (Table 6 to 8 add their
   * period when laid out: "Timeliness of rapid reviews 2020").
   */
  public static final Map<String, String> PUBLISHED =
      Map.ofEntries(
          Map.entry("H", "Headline figures"),
          Map.entry("IMD1", "Serious incident notifications by deprivation of the child's area"),
          Map.entry("A1", "Children in serious incident notifications by age and gender"),
          Map.entry("T1", "Ethnicity of the children"),
          Map.entry("T2", "Category of death"),
          Map.entry("T3", "Category of serious harm"),
          Map.entry("T4A", "Domestic abuse: who harmed whom"),
          Map.entry("T4", "Case characteristics"),
          Map.entry("T5", "Service involvement"),
          Map.entry("CV1", "COVID-19 factors in the notifications"),
          Map.entry("TH1", "Practice themes in rapid reviews"),
          Map.entry("Y1", "Safeguarding partners' yearly reports"),
          Map.entry("LA1", "Number of serious incident notifications per local authority area"),
          Map.entry("T6", "Timeliness of rapid reviews"),
          Map.entry("T7", "Timeliness of rapid reviews outside the authorised extension"),
          Map.entry("T8", "Timeliness of rapid reviews during the authorised extension"),
          Map.entry("D1", "Decisions after rapid reviews"),
          Map.entry("D2", "Local child safeguarding practice reviews by kind of incident"),
          Map.entry("D3", "The Panel's view of the local decisions"),
          Map.entry("L1", "Local child safeguarding practice reviews initiated, by year"),
          Map.entry("L2", "Local child safeguarding practice reviews received, by publication"));

  /** The annual report's number of a table ("Table 6", "Chart 1"), or null when it has none. */
  public static String number(String tableId) {
    return NUMBERS.get(tableId);
  }

  /** A table's title as the published report gives it, without its number. */
  public static String published(String tableId) {
    return PUBLISHED.getOrDefault(tableId, of(tableId));
  }

  /** The table's title, or its id when it has none. */
  public static String of(String tableId) {
    return TITLES.getOrDefault(tableId, tableId);
  }
}
