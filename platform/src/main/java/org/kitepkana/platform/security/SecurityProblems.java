package org.kitepkana.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two ways a caller is refused, both as problem+json: an unusable bearer token (401 with {@code
 * WWW-Authenticate: Bearer error="invalid_token"}, written by the security filter before any
 * controller runs), and an application's "not allowed" ({@link AccessRefused}: 403 for an
 * authenticated actor, 401 for the public).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityProblems {

  /** The {@code WWW-Authenticate} challenge for a request that carried no token. */
  public static final String CHALLENGE = "Bearer realm=\"kitepkana\"";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TokenClaims claims;

  public SecurityProblems(TokenClaims claims) {
    this.claims = claims;
  }

  @ExceptionHandler(AccessRefused.class)
  ResponseEntity<ProblemDetail> refused(AccessRefused refused) {
    boolean anonymous = !CurrentActorResolver.current(claims).isAuthenticated();
    HttpStatus status = anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            status,
            anonymous
                ? refused.getMessage() + "; sign in: send a bearer token"
                : refused.getMessage());
    body.setTitle(anonymous ? "Unauthorized" : "Forbidden");
    body.setType(URI.create("about:blank"));
    var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (anonymous) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
    return answer.body(body);
  }

  /** 401 problem+json for a token the security filter refused (forged, expired, wrong issuer). */
  static final class InvalidTokenEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge;

    InvalidTokenEntryPoint() {
      challenge = new BearerTokenAuthenticationEntryPoint();
      challenge.setRealmName("kitepkana");
    }

    @Override
    public void commence(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException {
      challenge.commence(request, response, e);
      HttpStatus status = HttpStatus.valueOf(response.getStatus());
      String detail =
          e instanceof OAuth2AuthenticationException oauth
                  && oauth.getError().getDescription() != null
              ? oauth.getError().getDescription()
              : e.getMessage();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "about:blank");
      body.put(
          "title", status == HttpStatus.UNAUTHORIZED ? "Unauthorized" : status.getReasonPhrase());
      body.put("status", status.value());
      body.put("detail", "The bearer token was refused: " + detail);
      body.put("instance", request.getRequestURI());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
  }
}
