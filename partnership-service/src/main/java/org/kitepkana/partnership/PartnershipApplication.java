package org.kitepkana.partnership;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * partnership-service: social partners and their agreements, projects with their lifecycle,
 * contributions and evaluations, outcomes fed from library events, media publications, reports.
 */
@SpringBootApplication
public class PartnershipApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartnershipApplication.class, args);
  }
}
