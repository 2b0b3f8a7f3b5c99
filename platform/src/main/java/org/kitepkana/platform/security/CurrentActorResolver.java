package org.kitepkana.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the {@link Actor} parameter of controller methods.
 *
 * <p>This is the seam for authentication: until bearer tokens are checked (the gateway and security
 * issue), every request acts as the devstack coordinator, and nothing is read from request headers,
 * because a header is exactly what a caller could forge. The token-based resolver replaces this
 * class; application services already decide by the actor they get.
 */
public final class CurrentActorResolver implements HandlerMethodArgumentResolver {

  static final Actor UNAUTHENTICATED_DEVSTACK = Actor.coordinator("devstack-unauthenticated");

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
    return UNAUTHENTICATED_DEVSTACK;
  }
}
