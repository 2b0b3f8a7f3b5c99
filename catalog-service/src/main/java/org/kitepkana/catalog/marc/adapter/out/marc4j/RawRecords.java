package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.nio.charset.StandardCharsets;

/** Best-effort reads of a raw ISO 2709 record that marc4j could not parse. */
final class RawRecords {

  private RawRecords() {}

  /** The base address of data (leader/12-16), or -1. */
  static int baseAddress(byte[] record) {
    return digits(record, 12, 5);
  }

  /** The 001 of a raw record, if its directory leads to one; null otherwise. */
  static String controlNumber(byte[] record) {
    int base = baseAddress(record);
    if (base < 25 || base > record.length) {
      return null;
    }
    for (int entry = 24; entry + 12 <= base - 1; entry += 12) {
      if (record[entry] == Iso2709Framer.FIELD_TERMINATOR) {
        return null;
      }
      if (record[entry] == '0' && record[entry + 1] == '0' && record[entry + 2] == '1') {
        int length = digits(record, entry + 3, 4);
        int start = digits(record, entry + 7, 5);
        if (length < 2 || start < 0 || base + start + length - 1 > record.length) {
          return null;
        }
        String value =
            new String(record, base + start, length - 1, StandardCharsets.ISO_8859_1).strip();
        return value.isEmpty() || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
            ? null
            : value;
      }
    }
    return null;
  }

  /**
   * What is wrong with the leader's base address or the directory, in words a cataloguer can act
   * on; null when both agree with the fields.
   */
  static String directoryProblem(byte[] record) {
    int base = baseAddress(record);
    if (base < 25 || base >= record.length) {
      return "the leader's base address of data (leader/12-16) is "
          + (base < 0 ? "not a number" : String.valueOf(base))
          + " in a record of "
          + record.length
          + " bytes";
    }
    if (record[base - 1] != Iso2709Framer.FIELD_TERMINATOR) {
      return "the directory does not end with a field terminator at the base address ("
          + base
          + ")";
    }
    if ((base - 25) % 12 != 0) {
      return "the directory is " + (base - 25) + " bytes long, not a multiple of 12";
    }
    for (int entry = 24, n = 1; entry < base - 1; entry += 12, n++) {
      String tag = new String(record, entry, 3, StandardCharsets.ISO_8859_1);
      int length = digits(record, entry + 3, 4);
      int start = digits(record, entry + 7, 5);
      if (length < 0 || start < 0) {
        return "directory entry "
            + n
            + " (tag "
            + printable(tag)
            + ") has something other than digits in its length or starting position: '"
            + printable(new String(record, entry + 3, 9, StandardCharsets.ISO_8859_1))
            + "'";
      }
      int from = base + start;
      if (from >= record.length - 1) {
        return "field " + tag + " starts at byte " + start + ", beyond the end of the record";
      }
      int last = from + length - 1;
      if (length < 1 || last >= record.length || record[last] != Iso2709Framer.FIELD_TERMINATOR) {
        int terminator = from;
        while (terminator < record.length && record[terminator] != Iso2709Framer.FIELD_TERMINATOR) {
          terminator++;
        }
        int actual = terminator - from + 1;
        return "field "
            + tag
            + ": the directory says "
            + length
            + " bytes, but the field runs "
            + actual
            + " bytes to its field terminator"
            + (actual > 9_999
                ? " (oversized field: a directory entry cannot state more than 9,999 bytes)"
                : "");
      }
    }
    return null;
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02X", (int) c));
    }
    return out.toString();
  }

  private static int digits(byte[] b, int at, int count) {
    if (at + count > b.length) {
      return -1;
    }
    int value = 0;
    for (int i = at; i < at + count; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return -1;
      }
      value = value * 10 + (b[i] - '0');
    }
    return value;
  }
}
