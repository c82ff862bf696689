package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sketches are written and read on a Java release newer than datasketches-memory 3.0 accepts ({@link SketchMemory}),
 * in a JVM of that release: the one {@code PRODLINE_NEWER_JAVA} names (its home), else the newest under
 * {@code /usr/lib/jvm} past 21. Skipped when the machine has none.
 */
class SketchMemoryTest {
  private static final Pattern RELEASE = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

  @Test
  void sketchesRoundTripOnJavaNewerThan21() throws Exception {
    Optional<Path> home = newerJava();
    assumeThat(home).as("a Java release newer than 21 on this machine").isPresent();
    Process child = new ProcessBuilder(home.get().resolve("bin/java").toString(),
        "-cp", System.getProperty("java.class.path"), SketchRoundTrip.class.getName())
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as("child output").contains("sketches read back equal");
    // The release datasketches-memory was shown is put back at once.
    assertThat(output).containsPattern("java\\.version=(2[2-9]|[3-9]\\d)");
    assertThat(child.exitValue()).isZero();
  }

  private static Optional<Path> newerJava() throws IOException {
    String named = System.getenv("PRODLINE_NEWER_JAVA");
    if (named != null) {
      return Optional.of(Path.of(named));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      List<Path> found = homes.filter(h -> feature(h) > 21 && Files.isExecutable(h.resolve("bin/java")))
          .sorted((a, b) -> Integer.compare(feature(b), feature(a))).toList();
      return found.stream().findFirst();
    }
  }

  private static int feature(Path home) {
    try {
      Matcher m = RELEASE.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException e) {
      return 0; // not a Java home
    }
  }
}
