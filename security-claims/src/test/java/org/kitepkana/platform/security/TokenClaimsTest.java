package org.kitepkana.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

  final TokenClaims claims = TokenClaims.defaults();

  Actor actor(Map<String, Object> token) {
    TokenClaims.Reading reading = claims.read(token);
    assertThat(reading).isInstanceOf(TokenClaims.Known.class);
    return ((TokenClaims.Known) reading).actor();
  }

  @Test
  void theStrongestOfSeveralRolesWins() {
    assertThat(
            actor(
                    Map.of(
                        "sub",
                        "aida",
                        "roles",
                        List.of("subscriber", "branch_librarian", "coordinator"),
                        "branch",
                        "kochkor"))
                .role())
        .isEqualTo(Actor.Role.COORDINATOR);
    assertThat(
            actor(Map.of("sub", "b", "roles", List.of("subscriber", "partnership_officer"))).role())
        .isEqualTo(Actor.Role.PARTNERSHIP_OFFICER);
    assertThat(
            actor(
                Map.of(
                    "sub",
                    "c",
                    "roles",
                    List.of("subscriber", "branch_librarian"),
                    "branch",
                    "at-bashy")))
        .isEqualTo(Actor.librarian("at-bashy", "c"));
  }

  @Test
  void aLibrarianWithoutABranchIsNobody() {
    assertThat(claims.read(Map.of("sub", "x", "roles", List.of("branch_librarian"))))
        .isInstanceOf(TokenClaims.Unusable.class);
    assertThat(claims.read(Map.of("sub", "x", "roles", List.of("branch_librarian"), "branch", " ")))
        .isInstanceOf(TokenClaims.Unusable.class);
  }

  @Test
  void aTokenWithoutAKnownRoleIsRefused() {
    assertThat(claims.read(Map.of("sub", "x", "roles", List.of("admin"))))
        .isInstanceOf(TokenClaims.Unusable.class);
    assertThat(claims.read(Map.of("sub", "x"))).isInstanceOf(TokenClaims.Unusable.class);
  }

  @Test
  void rolesMayComeFromANestedClaimAsKeycloakPutsThem() {
    TokenClaims keycloak = new TokenClaims("realm_access.roles", "kitepkana_branch");
    TokenClaims.Reading reading =
        keycloak.read(
            Map.of(
                "sub",
                "user-1",
                "realm_access",
                Map.of("roles", List.of("offline_access", "branch_librarian")),
                "kitepkana_branch",
                "naryn-city"));
    assertThat(((TokenClaims.Known) reading).actor())
        .isEqualTo(Actor.librarian("naryn-city", "user-1"));
  }

  @Test
  void rolesMayBeASpaceSeparatedString() {
    assertThat(actor(Map.of("sub", "s", "roles", "subscriber")).role())
        .isEqualTo(Actor.Role.SUBSCRIBER);
  }
}
