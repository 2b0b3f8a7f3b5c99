package org.kitepkana.partnership.report.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kitepkana.partnership.report.domain.ReportTable;

class CsvTest {

  @Test
  void writesAHeaderRowsAndATotalQuotingWhereNeeded() {
    ReportTable table =
        new ReportTable("partners-by-projects", 2001, 2025, List.of("rank", "name", "money"));
    table.row(1, "Нарын шаардык мэриясы, \"борбор\"", new BigDecimal("1500.50"));
    table.row(2, "Ат-Башы айыл өкмөтү", new BigDecimal("0.00"));
    table.totals(null, null, new BigDecimal("1500.50"));

    String csv = CsvWriter.write(table);

    assertThat(csv)
        .startsWith(CsvWriter.BOM)
        .isEqualTo(
            CsvWriter.BOM
                + "rank,name,money\r\n"
                + "1,\"Нарын шаардык мэриясы, \"\"борбор\"\"\",1500.50\r\n"
                + "2,Ат-Башы айыл өкмөтү,0.00\r\n"
                + "TOTAL,,1500.50\r\n");
  }
}
