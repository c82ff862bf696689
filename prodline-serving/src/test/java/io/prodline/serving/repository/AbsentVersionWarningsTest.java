package io.prodline.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A config naming versions the repository lacks is accepted but said once in the log, not at every scan. */
class AbsentVersionWarningsTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(AbsentVersionWarnings.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final AbsentVersionWarnings warnings = new AbsentVersionWarnings();

  @BeforeEach
  void listen() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(logged);
  }

  private static Map<String, NavigableMap<Long, Path>> onDisk(long... versions) {
    NavigableMap<Long, Path> found = new TreeMap<>();
    for (long v : versions) {
      found.put(v, Path.of("models/m/" + v));
    }
    return Map.of("m", found);
  }

  private static RepositoryConfig config(VersionPolicy policy, Map<String, Long> labels) {
    return new RepositoryConfig(Map.of("m", new ModelSettings(policy, labels, WarmupSettings.DEFAULT,
        Optional.empty(), Optional.empty(), Optional.empty())), false);
  }

  private List<String> messages() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aSpecificPolicyWithNoVersionOnDiskIsWarnedOnceAsTakingTheModelOffline() {
    RepositoryConfig nine = config(VersionPolicy.Specific.of(List.of(9L)), Map.of());
    warnings.check(onDisk(1, 2, 3), nine);
    warnings.check(onDisk(1, 2, 3), nine);
    assertThat(messages()).containsExactly("model 'm': its version policy (specific [9]) names version 9, not in the "
        + "repository (it has [1, 2, 3]), so none of its versions is served");

    warnings.check(onDisk(1, 2, 3, 9), nine); // the version arrived: nothing to say
    warnings.check(onDisk(1, 2, 3), nine); // and left again: said again
    assertThat(messages()).hasSize(2);
  }

  @Test
  void aPartlyAbsentPolicyAndALabelOnAnAbsentVersionAreEachWarned() {
    warnings.check(onDisk(1, 2), config(VersionPolicy.Specific.of(List.of(2L, 9L)), Map.of("stable", 7L, "ok", 1L)));
    assertThat(messages()).containsExactlyInAnyOrder(
        "model 'm': its version policy (specific [2, 9]) names version 9, not in the repository (it has [1, 2])",
        "model 'm': label 'stable' points to version 7, not in the repository (it has [1, 2]); requests for the "
            + "label get 404");
  }

  @Test
  void aConfigThatMatchesTheRepositoryLogsNothing() {
    warnings.check(onDisk(1, 2), config(new VersionPolicy.Latest(2), Map.of("stable", 1L)));
    assertThat(messages()).isEmpty();
  }
}
