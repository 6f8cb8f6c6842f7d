package dev.natter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A random token secret for local runs, made once and kept beside the local broker's data. */
final class DevSecret {

  private DevSecret() {}

  /** The secret stored in {@code data}, created on first use, readable by its owner only. */
  static String in(Path data) throws IOException {
    Path file = data.resolve("token-secret");
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    Files.createDirectories(data);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String secret = HexFormat.of().formatHex(random);
    Files.writeString(file, secret);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return secret;
  }
}
