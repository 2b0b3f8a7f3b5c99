package org.kitepkana.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Access tokens from the devstack issuer (auth-server) by {@code client_credentials}, the same
 * request the README shows with curl. Clients: {@code coordinator}, {@code partnership-officer},
 * {@code subscriber}, {@code librarian-<branchId>}.
 */
public final class DevstackTokens {

  /**
   * The secret of every demo client unless {@code KITEPKANA_DEMO_CLIENT_SECRET} says otherwise.
   * Demo only: it is in the README, so anyone on the machine can act as any role.
   */
  public static final String DEFAULT_DEMO_SECRET = "kitepkana-demo-secret";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private DevstackTokens() {}

  /** The demo client secret devstack gives the issuer. */
  public static String demoSecret() {
    String fromEnv = System.getenv("KITEPKANA_DEMO_CLIENT_SECRET");
    return fromEnv == null || fromEnv.isBlank() ? DEFAULT_DEMO_SECRET : fromEnv;
  }

  /** A fresh access token for {@code clientId} from the issuer at {@code issuer}. */
  public static String fetch(String issuer, String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new DevstackException(
            "no token for client "
                + clientId
                + " from "
                + issuer
                + ": HTTP "
                + response.statusCode()
                + " "
                + response.body());
      }
      JsonNode body = DemoData.JSON.readTree(response.body());
      return body.path("access_token").asText();
    } catch (IOException e) {
      throw new DevstackException("no token for client " + clientId + " from " + issuer, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("interrupted while fetching a token", e);
    }
  }
}
