package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.io.InputStream;

/**
 * The one record a long-lived marc4j reader may see next. marc4j's stream readers read ahead and
 * cannot be told where a record ends; fed one framed record at a time they cannot stray into a
 * neighbour, and the reader (with its factory lookup) is built once per file instead of per record.
 * Supports mark/reset, so marc4j reads it directly, without a buffer of its own.
 */
final class FeedStream extends InputStream {

  private byte[] data = new byte[0];
  private int pos;
  private int mark;

  void load(byte[] record) {
    data = record;
    pos = 0;
    mark = 0;
  }

  boolean consumed() {
    return pos >= data.length;
  }

  @Override
  public int read() {
    return pos < data.length ? data[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos >= data.length) {
      return -1;
    }
    int n = Math.min(len, data.length - pos);
    System.arraycopy(data, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public long skip(long n) {
    long k = Math.max(0, Math.min(n, data.length - pos));
    pos += (int) k;
    return k;
  }

  @Override
  public int available() {
    return data.length - pos;
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  @Override
  public synchronized void mark(int readlimit) {
    mark = pos;
  }

  @Override
  public synchronized void reset() {
    pos = mark;
  }
}
