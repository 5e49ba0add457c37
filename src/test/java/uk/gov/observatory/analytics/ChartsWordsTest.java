package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A table's row codes in words: written as the code lists write them (issue 15). */
class ChartsWordsTest {

  @Test
  void wordsThatAreACodesLabelAreWrittenAsTheListWritesThem() {
    assertThat(Charts.words("WHITE_BRITISH")).isEqualTo("White British");
    assertThat(Charts.words("SUDI")).isEqualTo("SUDI");
    assertThat(Charts.words("Y2020")).isEqualTo("2020");
  }
}
