package org.kitepkana.catalog.marc.application;

import java.nio.charset.StandardCharsets;

/**
 * The item keys (control numbers) a job has seen, with the content hash and position of the first
 * record that had each: enough to tell a repeated record from a different record reusing a control
 * number, in about 24 bytes per record (an open-addressing table of primitives), so a file of a
 * million records costs tens of megabytes, not hundreds.
 *
 * <p>Keys are compared by a 64-bit hash; two different control numbers colliding is about one in
 * 10^7 for a million records, and would report the second as a reuse of the first.
 */
final class SeenItems {

  /** The first record with a key. */
  record First(long contentHash, long position) {}

  private long[] keys = new long[1024];
  private long[] hashes = new long[1024];
  private long[] positions = new long[1024];
  private int size;

  /**
   * Remembers the record unless its key was seen; returns the first record with the key, if any.
   */
  First putIfAbsent(String itemKey, long contentHash, long position) {
    long key = key(itemKey);
    int mask = keys.length - 1;
    int i = (int) (mix(key) & mask);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        return new First(hashes[i], positions[i]);
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    hashes[i] = contentHash;
    positions[i] = position;
    if (++size * 2 > keys.length) {
      grow();
    }
    return null;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldHashes = hashes;
    long[] oldPositions = positions;
    keys = new long[oldKeys.length * 2];
    hashes = new long[keys.length];
    positions = new long[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = (int) (mix(oldKeys[j]) & mask);
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        hashes[i] = oldHashes[j];
        positions[i] = oldPositions[j];
      }
    }
  }

  /** FNV-1a over the UTF-8 bytes; never 0 (0 marks an empty slot). */
  static long key(String itemKey) {
    long h = 0xcbf29ce484222325L;
    for (byte b : itemKey.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
