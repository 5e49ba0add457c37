package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The report's tidy CSV and the open data file go through the one CSV writer: a cell a spreadsheet
 * would run gets a leading apostrophe; counts, percentages and the symbols c, low and z are written
 * as they are.
 */
class ReportCsvCellsTest {

  static Report report() {
    Map<String, List<Cell>> tables = new LinkedHashMap<>();
    tables.put(
        "H",
        List.of(
            new Cell("H", "NOTIFICATIONS", "COUNT", "12"),
            new Cell("H", "NOTIFICATIONS", "PERCENT", "12.5"),
            new Cell("H", "DIFFERENCE", "COUNT", "-3"),
            new Cell("H", "SMALL", "COUNT", "c"),
            new Cell("H", "LOW", "COUNT", "low"),
            new Cell("H", "BLANK", "COUNT", ""),
            new Cell("H", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "-2+3")));
    return new Report(null, tables);
  }

  @Test
  @DisplayName(
      "the tidy CSV neutralises cells a spreadsheet would run and leaves numbers and symbols alone")
  void tidyCsv() throws IOException {
    StringWriter out = new StringWriter();
    ReportWriter.csv(report(), out);
    assertThat(out.toString())
        .isEqualTo(
            "table_id,row_code,column_code,value\r\n"
                + "H,NOTIFICATIONS,COUNT,12\r\n"
                + "H,NOTIFICATIONS,PERCENT,12.5\r\n"
                + "H,DIFFERENCE,COUNT,-3\r\n"
                + "H,SMALL,COUNT,c\r\n"
                + "H,LOW,COUNT,low\r\n"
                + "H,BLANK,COUNT,\r\n"
                + "H,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),'-2+3\r\n");
  }

  @Test
  @DisplayName(
      "the open data file neutralises text cells (an area's name and a row's words included); z,"
          + " c, low and numbers stay as they are")
  void openData() throws IOException {
    Map<String, List<Cell>> tables = new LinkedHashMap<>();
    tables.put(
        "T4A",
        List.of(
            new Cell("T4A", "FATHER_TO_MOTHER", "COUNT", "12"),
            new Cell("T4A", "FATHER_TO_MOTHER", "PERCENT", "12.5"),
            new Cell("T4A", "DIFFERENCE", "COUNT", "-3"),
            new Cell("T4A", "SMALL", "COUNT", "c"),
            new Cell("T4A", "LOW", "PERCENT", "low"),
            new Cell("T4A", "BLANK", "COUNT", ""),
            new Cell("T4A", "=HYPERLINK(\"http://x\",\"y\")", "COUNT", "-2+3")));
    StringWriter out = new StringWriter();
    OpenData.Publication publication =
        new OpenData.Publication(
            new OpenData.TimePeriod("2020", "Calendar year"),
            List.of(
                new OpenData.Part(
                    new OpenData.Geography(
                        "Local authority", "E12000007", "London", "E09000033", "213", "+Evil"),
                    new Report(null, tables))));
    OpenData.data(publication, out);
    List<String> lines = List.of(out.toString().split("\r\n"));
    assertThat(lines.get(0)).isEqualTo(String.join(",", OpenData.columns(publication)));
    String area =
        "2020,Calendar year,Local"
            + " authority,E92000001,England,E12000007,London,E09000033,213,'+Evil,"
            + "Pattern of domestic abuse,";
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            area + "Father to mother,Total,12,12.5",
            area + "Difference,Total,-3,z",
            area + "Small,Total,c,z",
            area + "Low,Total,z,low",
            area + "Blank,Total,z,z",
            area + "\"'=hyperlink(\"\"http://x\"\",\"\"y\"\")\",Total,'-2+3,z");
  }
}
