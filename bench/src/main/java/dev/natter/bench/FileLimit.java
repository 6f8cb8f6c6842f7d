package dev.natter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How many more files (sockets included) this process may open, keeping some for its work. */
final class FileLimit {

  /** Kept for jars, logs, /proc reads, jcmd's pipes and the HTTP clients. */
  private static final int RESERVE = 256;

  private FileLimit() {}

  static int spare() throws IOException {
    long limit = Long.MAX_VALUE;
    for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        limit = soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
      }
    }
    try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
      return (int) Math.min(Integer.MAX_VALUE, limit - open.count() - RESERVE);
    }
  }
}
