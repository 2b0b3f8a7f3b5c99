package org.kitepkana.devstack;

/** A devstack process could not be started, became unhealthy, or a demo-data request failed. */
public class DevstackException extends RuntimeException {

  public DevstackException(String message) {
    super(message);
  }

  public DevstackException(String message, Throwable cause) {
    super(message, cause);
  }
}
