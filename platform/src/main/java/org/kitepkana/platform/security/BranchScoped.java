package org.kitepkana.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that changes the branch named in its path: an actor who may not manage
 * that branch ({@link Actor#mayManageBranch}) is refused before the request body is read or
 * validated, so a librarian of another branch gets 403 (the public 401) whatever she sent, never a
 * 400 that tells her about the body. The application service still decides on its own; this only
 * brings the same answer forward. See {@link BranchScopeInterceptor}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BranchScoped {

  /** The path variable that holds the branch's id. */
  String value() default "branchId";
}
