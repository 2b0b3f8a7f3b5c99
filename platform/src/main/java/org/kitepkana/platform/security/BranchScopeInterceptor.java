package org.kitepkana.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a {@link BranchScoped} request from an actor who may not manage the path's branch. It
 * runs after the handler is chosen and before its arguments are resolved, which is where a body is
 * read and validated; the refusal reaches HTTP through {@link SecurityProblems} like any other.
 */
final class BranchScopeInterceptor implements HandlerInterceptor {

  private final TokenClaims claims;

  /** Each handler method's path variable to check, if any: looked up once, not per request. */
  private final Map<Method, Optional<String>> scopedVariables = new ConcurrentHashMap<>();

  BranchScopeInterceptor(TokenClaims claims) {
    this.claims = claims;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Optional<String> variable =
        scopedVariables.computeIfAbsent(
            method.getMethod(),
            m ->
                Optional.ofNullable(method.getMethodAnnotation(BranchScoped.class))
                    .map(BranchScoped::value));
    if (variable.isEmpty()) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> path =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String branch = path == null ? null : path.get(variable.get());
    if (branch == null) {
      throw new IllegalStateException(
          method.getShortLogMessage() + " has no path variable " + variable.get());
    }
    if (!CurrentActorResolver.current(claims).mayManageBranch(branch)) {
      throw new AccessRefused("only a coordinator or the librarian of " + branch + " changes it");
    }
    return true;
  }
}
