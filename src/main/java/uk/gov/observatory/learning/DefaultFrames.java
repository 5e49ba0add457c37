package uk.gov.observatory.learning;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The coding frames the application ships: the COVID-19 frame of the Panel's thematic analysis
 * (annual report 2020, paragraph 8): the four factors, each on the impact scale (none, low, medium,
 * high), with its definition. Read it with {@link ThematicAnalyses#readFrame}.
 */
public final class DefaultFrames {

  /** The COVID-19 frame's resource on the class path. */
  public static final String COVID_19 = "learning/covid-19-frame.csv";

  /** The name the command line knows it by ({@code analysis create --frame covid-19}). */
  public static final String COVID_19_NAME = "covid-19";

  private DefaultFrames() {}

  /** The COVID-19 frame's CSV ({@code code, value, label, definition}). */
  public static Reader covid19() {
    InputStream in = DefaultFrames.class.getClassLoader().getResourceAsStream(COVID_19);
    if (in == null) {
      throw new UncheckedIOException(new java.io.FileNotFoundException(COVID_19));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
