package org.kitepkana.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the {@link Actor} parameter of controller methods from the bearer token the security
 * filter has already checked (signature, issuer, audience, expiry, roles). A request without a
 * token acts as {@link Actor#anonymous()}; a request with an invalid token never gets here (401).
 * Nothing is read from other request headers: a header is exactly what a caller could forge.
 */
public final class CurrentActorResolver implements HandlerMethodArgumentResolver {

  private final TokenClaims claims;

  public CurrentActorResolver(TokenClaims claims) {
    this.claims = claims;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return current(claims);
  }

  /** The actor of the request this thread serves. */
  public static Actor current(TokenClaims claims) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
      TokenClaims.Reading reading = claims.read(jwt.getToken().getClaims());
      if (reading instanceof TokenClaims.Known known) {
        return known.actor();
      }
      // The decoder's validator refuses such tokens; reaching here means it was bypassed.
      throw new IllegalStateException(((TokenClaims.Unusable) reading).reason());
    }
    return Actor.anonymous();
  }
}
