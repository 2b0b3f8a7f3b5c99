package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.marc4j.MarcError;
import org.marc4j.converter.impl.AnselToUnicode;

/**
 * Turns a field's raw bytes into Unicode text (NFC) in one of the three encodings MARC files come
 * in, and guesses the encoding of a record whose leader/09 is blank.
 *
 * <p>A blank leader/09 means MARC-8 in MARC 21, but CIS library systems write CP1251 there. The two
 * are told apart by the bytes: MARC-8 puts its combining diacritics (0xE0–0xFE) <em>before</em> a
 * base letter and leaves 0xC9–0xDF undefined, while Russian text in CP1251 (which has no ң, ө, ү)
 * is runs of 0xC0–0xFF letters ending at spaces and punctuation, which is impossible MARC-8. So a
 * record is read as CP1251 when its high bytes are invalid MARC-8, are mostly CP1251 Cyrillic
 * letters and mostly stand next to each other (words, not single accented letters of Latin-1 text);
 * MARC-8 escape sequences (ESC) always mean MARC-8, and bytes that are valid multi-byte UTF-8 mean
 * UTF-8 whatever the leader says. Not thread-safe: one per reader.
 */
final class FieldDecoder {

  /** The bytes are not text in the encoding they are read in. */
  static final class Undecodable extends Exception {
    Undecodable(String message) {
      super(message, null, false, false);
    }
  }

  private static final Charset CP1251 = Charset.forName("windows-1251");

  private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
  private final CharsetDecoder cp1251 = strict(CP1251);
  private final List<String> marc8Errors = new ArrayList<>();
  private final AnselToUnicode marc8 =
      new AnselToUnicode(
          (severity, message) -> {
            if (severity >= MarcError.MINOR_ERROR) {
              marc8Errors.add(message);
            }
          });

  private static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Decodes one field's (or subfield's) bytes. */
  String decode(byte[] bytes, SourceEncoding encoding) throws Undecodable {
    if (isPlainAscii(bytes)) {
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    String text;
    if (encoding == SourceEncoding.MARC_8) {
      marc8Errors.clear();
      text = marc8.convert(bytes);
      if (!marc8Errors.isEmpty()) {
        throw new Undecodable("invalid MARC-8: " + marc8Errors.get(0));
      }
    } else {
      CharsetDecoder decoder = encoding == SourceEncoding.CP1251 ? cp1251 : utf8;
      try {
        text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new Undecodable(
            encoding == SourceEncoding.CP1251 ? "bytes undefined in CP1251" : "invalid UTF-8");
      }
    }
    return Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private static boolean isPlainAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0 || b == 0x1B) {
        return false;
      }
    }
    return true;
  }

  /**
   * The encoding of a record whose leader/09 is blank, judged by its data area ({@code from} to the
   * end).
   */
  static SourceEncoding guess(byte[] record, int from) {
    int high = 0;
    int cyrillic = 0;
    int invalidMarc8 = 0;
    int inRuns = 0;
    for (int i = from; i < record.length; i++) {
      int b = record[i] & 0xff;
      if (b == 0x1B) {
        return SourceEncoding.MARC_8;
      }
      if (b < 0x80) {
        continue;
      }
      high++;
      boolean neighbourHigh =
          (i > from && record[i - 1] < 0) || (i + 1 < record.length && record[i + 1] < 0);
      if (neighbourHigh) {
        inRuns++;
      }
      if (b >= 0xC0 || b == 0xA8 || b == 0xB8) {
        cyrillic++;
      }
      if (!isMarc8Defined(b) || (isMarc8Combining(b) && !combinesWithALetter(record, i))) {
        invalidMarc8++;
      }
    }
    if (high == 0) {
      return SourceEncoding.MARC_8;
    }
    if (isUtf8(record, from)) {
      return SourceEncoding.UTF_8;
    }
    // Cyrillic words are runs of high bytes; a Latin-1 "Müller" is one high byte among ASCII.
    if (invalidMarc8 > 0 && cyrillic * 10 >= high * 8 && inRuns * 2 >= high) {
      return SourceEncoding.CP1251;
    }
    return SourceEncoding.MARC_8;
  }

  /** ANSEL (MARC-8's default G1 set): which bytes mean anything. */
  private static boolean isMarc8Defined(int b) {
    if (b >= 0x88 && b <= 0x8E) {
      return b != 0x8A && b != 0x8B && b != 0x8C; // NSB, NSE, ZWJ, ZWNJ and their kin
    }
    if (b >= 0xA1 && b <= 0xAE) {
      return true;
    }
    if ((b >= 0xB0 && b <= 0xBA) || b == 0xBC || b == 0xBD) {
      return true;
    }
    if (b >= 0xC0 && b <= 0xC8) {
      return true;
    }
    return isMarc8Combining(b);
  }

  private static boolean isMarc8Combining(int b) {
    return b >= 0xE0 && b <= 0xFE && b != 0xFC && b != 0xFD;
  }

  /** MARC-8 diacritics precede their letter: after the run of them must come a letter. */
  private static boolean combinesWithALetter(byte[] record, int i) {
    int j = i;
    while (j < record.length && isMarc8Combining(record[j] & 0xff)) {
      j++;
    }
    if (j >= record.length) {
      return false;
    }
    int next = record[j] & 0xff;
    return Character.isLetterOrDigit(next) && next < 0x80 || (next >= 0xA1 && next <= 0xBD);
  }

  private static boolean isUtf8(byte[] record, int from) {
    CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
    try {
      decoder.decode(ByteBuffer.wrap(record, from, record.length - from));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
