package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.kitepkana.catalog.marc.domain.SourceFormat;

/** MARC files read with marc4j: ISO 2709 through its permissive stream reader, MARCXML. */
public final class Marc4jSource implements MarcSource {

  private static final Pattern MARCXML_ELEMENT =
      Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?(?:collection|record)[\\s>/]");

  @Override
  public Sniffed sniff(byte[] head, int length) {
    int i = 0;
    Charset xmlCharset = StandardCharsets.UTF_8;
    if (length >= 3
        && (head[0] & 0xff) == 0xEF
        && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      i = 3;
    } else if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      i = 2;
      xmlCharset = StandardCharsets.UTF_16BE;
    } else if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      i = 2;
      xmlCharset = StandardCharsets.UTF_16LE;
    }
    if (xmlCharset != StandardCharsets.UTF_8) {
      String text = new String(head, i, length - i, xmlCharset).strip();
      return text.isEmpty() ? new Empty() : xml(text);
    }
    while (i < length && isBlank(head[i])) {
      i++;
    }
    if (i == length) {
      return new Empty();
    }
    if (head[i] == '<') {
      return xml(new String(head, i, length - i, StandardCharsets.UTF_8));
    }
    if (digits(head, i, 5, length) && length - i >= 24 && digits(head, i + 12, 5, length)) {
      return new Marc(SourceFormat.ISO_2709);
    }
    if (digits(head, i, 5, length) && length - i < 24) {
      return new NotMarc(
          "the file has only "
              + (length - i)
              + " bytes; an ISO 2709 record has a 24-byte leader and at least 26 bytes");
    }
    return new NotMarc(describe(head, i, length));
  }

  private static Sniffed xml(String text) {
    if (MARCXML_ELEMENT.matcher(text).find()) {
      return new Marc(SourceFormat.MARCXML);
    }
    return new NotMarc(
        "an XML document, but not MARCXML: no <collection> or <record> element at its start");
  }

  private static String describe(byte[] head, int i, int length) {
    String start = new String(head, i, Math.min(8, length - i), StandardCharsets.ISO_8859_1);
    if (start.startsWith("%PDF")) {
      return "a PDF document, not a MARC file";
    }
    if (start.startsWith("PK")) {
      return "a ZIP archive (an .xlsx, .docx or .zip file), not a MARC file; unpack it and upload"
          + " the .mrc or .xml inside";
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      return "JSON, not a MARC file; send JSON records to the sync-batches API instead";
    }
    int printable = 0;
    int n = Math.min(length - i, 512);
    for (int k = i; k < i + n; k++) {
      int b = head[k] & 0xff;
      if (b >= 0x20 || b == '\n' || b == '\r' || b == '\t') {
        printable++;
      }
    }
    return printable == n
        ? "text that does not start with a MARC leader (a 5-digit record length, e.g. 01234nam)"
        : "binary data that does not start with a MARC leader (a 5-digit record length)";
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0;
  }

  private static boolean digits(byte[] b, int at, int count, int length) {
    if (at + count > length) {
      return false;
    }
    for (int k = at; k < at + count; k++) {
      if (b[k] < '0' || b[k] > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public Reader open(Path file, SourceFormat format, SourceEncoding encoding, int latestYear)
      throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    MarcMapping mapping = new MarcMapping(latestYear);
    if (format == SourceFormat.MARCXML) {
      return new MarcXmlFileReader(in, mapping);
    }
    return new Iso2709Reader(in, encoding, mapping);
  }
}
