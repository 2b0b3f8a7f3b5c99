package org.kitepkana.catalog.marc.domain;

/**
 * What a branch's holding gets when the MARC record has no 852 field (or its 852 lacks a part):
 * given with the upload, the same for every record of the file.
 *
 * @param callNumber call number when 852 $h is missing; null for none
 * @param location location when 852 $b is missing; null for none
 * @param copies copies of a holding that has no barcode (852 $p); a barcoded item is one copy
 */
public record HoldingDefaults(String callNumber, String location, int copies) {

  public static final int MAX_CALL_NUMBER = 100;
  public static final int MAX_LOCATION = 200;
  public static final int MAX_COPIES = 100_000;

  public HoldingDefaults {
    callNumber = blankToNull(callNumber);
    location = blankToNull(location);
    if (callNumber != null && callNumber.length() > MAX_CALL_NUMBER) {
      throw new IllegalArgumentException("callNumber must be at most 100 characters");
    }
    if (location != null && location.length() > MAX_LOCATION) {
      throw new IllegalArgumentException("location must be at most 200 characters");
    }
    if (copies < 0 || copies > MAX_COPIES) {
      throw new IllegalArgumentException("copies must be between 0 and 100000");
    }
  }

  public static HoldingDefaults none() {
    return new HoldingDefaults(null, null, 1);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
