package org.kitepkana.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

class BearerTokensTest {

  private static final String JWT =
      "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjb29yZGluYXRvciJ9.c2lnbmF0dXJlLV8-~+/abc==";

  @ParameterizedTest
  @ValueSource(strings = {"Bearer ", "bearer ", "BEARER "})
  void readsTheTokenWhateverTheCaseOfTheScheme(String scheme) {
    assertThat(BearerTokens.tokenOf(scheme + JWT)).isEqualTo(JWT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Negotiate abc", ""})
  void otherSchemesAndEmptyHeadersCarryNoToken(String authorization) {
    assertThat(BearerTokens.tokenOf(authorization)).isNull();
    assertThat(BearerTokens.tokenOf(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer",
        "Bearer ",
        "Bearer  abc",
        "Bearer abc def",
        "Bearer abc=def",
        "Bearer ab\"c",
        "Bearer =",
        "Bearerabc",
        "Bearer abc\n"
      })
  void malformedBearerTokensAreInvalidTokens(String authorization) {
    assertThatThrownBy(() -> BearerTokens.tokenOf(authorization))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .satisfies(
            e ->
                assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                    .isEqualTo("invalid_token"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer " + JWT,
        "bearer abc",
        "Bearer abc def",
        "Bearer =",
        "Bearer",
        "Bearer abc==",
        "Basic abc",
        "Bearer a.b.c~"
      })
  void agreesWithSpringSecuritysConverter(String authorization) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/api/catalog/records")
                .header("Authorization", authorization));
    String theirs = tokenOrError(new ServerBearerTokenAuthenticationConverter(), exchange);
    String ours = tokenOrError(authorization);
    assertThat(ours).isEqualTo(theirs);
  }

  private static String tokenOrError(String authorization) {
    try {
      String token = BearerTokens.tokenOf(authorization);
      return token == null ? "(none)" : token;
    } catch (OAuth2AuthenticationException e) {
      return "(" + e.getError().getErrorCode() + ")";
    }
  }

  private static String tokenOrError(
      ServerAuthenticationConverter converter, MockServerWebExchange exchange) {
    try {
      return converter
          .convert(exchange)
          .map(a -> ((BearerTokenAuthenticationToken) a).getToken())
          .blockOptional()
          .orElse("(none)");
    } catch (OAuth2AuthenticationException e) {
      return "(" + e.getError().getErrorCode() + ")";
    }
  }
}
