package org.kitepkana.authserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The issuer's RSA signing key: read from its file, or generated and written there (owner-only
 * permissions) on the first start, so tokens issued before a restart stay valid after it.
 */
final class SigningKey {

  private SigningKey() {}

  static RSAKey loadOrCreate(Path file) {
    try {
      if (file != null && Files.isRegularFile(file)) {
        return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      }
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyID("kitepkana-devstack-" + UUID.randomUUID().toString().substring(0, 8))
              .generate();
      if (file != null) {
        write(file, key);
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the signing key " + file, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("cannot use the signing key " + file, e);
    }
  }

  private static void write(Path file, RSAKey key) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "signing-key", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the data dir's own permissions apply
    }
    Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
