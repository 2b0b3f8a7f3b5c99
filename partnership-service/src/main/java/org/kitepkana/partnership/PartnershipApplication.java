package org.kitepkana.partnership;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** partnership-service. */
@SpringBootApplication
public class PartnershipApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartnershipApplication.class, args);
  }
}
