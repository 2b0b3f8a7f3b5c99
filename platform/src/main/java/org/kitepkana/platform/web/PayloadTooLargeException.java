package org.kitepkana.platform.web;

import java.io.IOException;

/** The request body is larger than the service accepts (413). */
public final class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("The request body exceeds the limit of " + limit + " bytes");
  }
}
