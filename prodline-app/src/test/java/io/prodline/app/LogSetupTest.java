package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LogSetupTest {
  @Test
  void logbackFindsItAndItWritesOneLinePerEventToStandardErrorAtWarn() {
    assertThat(ServiceLoader.load(Configurator.class)).anyMatch(LogSetup.class::isInstance);

    LoggerContext context = new LoggerContext();
    LogSetup setup = new LogSetup();
    setup.setContext(context);
    assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(System.getenv("PRODLINE_LOG_LEVEL") == null ? Level.WARN
        : Level.toLevel(System.getenv("PRODLINE_LOG_LEVEL")));
    assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
    assertThat(stderr.isStarted()).isTrue();
    assertThat(stderr.getTarget()).isEqualTo("System.err");
    assertThat(((PatternLayoutEncoder) stderr.getEncoder()).getPattern()).isEqualTo(LogSetup.PATTERN);
    context.stop();
  }

  @Test
  void theLevelVariableTakesAnyCaseAndATypoFallsBackToWarn() {
    assertThat(LogSetup.level(null)).isEqualTo(Level.WARN);
    assertThat(LogSetup.level("info")).isEqualTo(Level.INFO);
    assertThat(LogSetup.level(" DEBUG ")).isEqualTo(Level.DEBUG);
    assertThat(LogSetup.level("off")).isEqualTo(Level.OFF);
    assertThat(LogSetup.level("verbose")).isEqualTo(Level.WARN);
  }
}
