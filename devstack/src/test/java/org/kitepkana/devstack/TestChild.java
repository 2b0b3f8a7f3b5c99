package org.kitepkana.devstack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A tiny child JVM for {@link ManagedProcessTest}: {@code listen <port>}, {@code exit <code>},
 * {@code sleep}.
 */
public final class TestChild {

  private TestChild() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "listen" -> {
        ServerSocket socket = new ServerSocket();
        socket.bind(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])));
        System.out.println("listening on " + socket.getLocalPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
      }
      case "exit" -> {
        System.out.println("boom: exiting with " + args[1]);
        System.out.flush();
        System.exit(Integer.parseInt(args[1]));
      }
      default -> {
        System.out.println("sleeping");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
      }
    }
  }
}
