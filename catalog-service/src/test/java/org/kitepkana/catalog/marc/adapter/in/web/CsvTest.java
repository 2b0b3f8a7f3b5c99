package org.kitepkana.catalog.marc.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesWhatNeedsQuotingAndDisarmsFormulas() throws IOException {
    StringWriter out = new StringWriter();

    Csv.line(
        out, 12, null, "Шипов, Сергей", "say \"hi\"", "=HYPERLINK(\"x\")", "-12", "-x", "a\nb");

    assertThat(out.toString())
        .isEqualTo(
            "12,,\"Шипов, Сергей\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",-12,'-x,\"a\nb\"\r\n");
  }
}
