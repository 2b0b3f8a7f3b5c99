package org.kitepkana.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bytes another JVM allocated on its heap between two readings, from {@code jstat -gc} (the JDK's
 * own tool, reading the process's performance counters): how full its young generation's eden is,
 * and how many collections emptied it. Allocation per request is a steady figure where CPU and
 * latency on a shared machine are not, and it sets how often the young generation is collected.
 *
 * <p>Between two readings with {@code k} collections, the process allocated what filled the rest of
 * eden before the first, a whole eden for each further one, and what eden holds at the second. A
 * collection can start with eden not quite full (an allocation larger than what is left), so the
 * figure can be high by what was left each time, a small share of the gateway's 200 MB eden.
 */
record HeapAllocation(double edenCapacityKb, double edenUsedKb, long collections) {

  /** The process's eden and collection count now; null if jstat cannot read it. */
  static HeapAllocation of(long pid) {
    Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
    try {
      Process p =
          new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? parse(out) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * {@code jstat -gc}'s two lines: column names, then values (sizes in KB). Null where the
   * collector keeps no eden ({@code -} in its columns: ZGC and Shenandoah on Java 17), since the
   * figure is read off the young generation.
   */
  static HeapAllocation parse(String jstatGc) {
    String[] lines = jstatGc.strip().split("\\R");
    if (lines.length < 2) {
      return null;
    }
    List<String> names = Arrays.asList(lines[0].trim().split("\\s+"));
    String[] values = lines[lines.length - 1].trim().split("\\s+");
    if (values.length != names.size()
        || Stream.of("EC", "EU", "YGC", "FGC")
            .anyMatch(name -> !names.contains(name) || values[names.indexOf(name)].equals("-"))) {
      return null;
    }
    double ec = Double.parseDouble(values[names.indexOf("EC")]);
    double eu = Double.parseDouble(values[names.indexOf("EU")]);
    long young = Long.parseLong(values[names.indexOf("YGC")]);
    long full = Long.parseLong(values[names.indexOf("FGC")]);
    return new HeapAllocation(ec, eu, young + full);
  }

  /** Bytes allocated from this reading to {@code later}. */
  long bytesUntil(HeapAllocation later) {
    long k = later.collections - collections;
    double kb =
        k == 0
            ? later.edenUsedKb - edenUsedKb
            : (edenCapacityKb - edenUsedKb) + (k - 1) * later.edenCapacityKb + later.edenUsedKb;
    return Math.round(kb * 1024);
  }
}
