package org.kitepkana.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class and exits the JVM (running its shutdown hooks, so Kafka and DevMongo
 * shut down cleanly) when standard input reaches end of file, i.e. when the devstack JVM that
 * started this process dies without stopping it. Usage: {@code ParentWatch <main class> [args]}.
 */
public final class ParentWatch {

  private ParentWatch() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ParentWatch <main class> [args...]");
      System.exit(2);
    }
    watchStdin();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }

  /** Starts a daemon thread that exits the JVM when stdin closes. */
  public static void watchStdin() {
    Thread watcher =
        new Thread(
            () -> {
              InputStream in = System.in;
              byte[] buf = new byte[256];
              try {
                while (in.read(buf) >= 0) {
                  // the parent never writes; anything read is ignored
                }
              } catch (IOException e) {
                // treat like end of file
              }
              System.err.println("devstack parent went away: shutting down");
              System.exit(0);
            },
            "devstack-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }
}
