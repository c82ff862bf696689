package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

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

  @Test
  void javaUtilLoggingReachesTheSameLinesAndGrpcSpeaksOnlyAtWarn() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    java.util.logging.Level julBefore = java.util.logging.Logger.getLogger("").getLevel();
    root.setLevel(Level.INFO);
    root.addAppender(lines);
    try {
      LogSetup.routeJavaUtilLogging();
      java.util.logging.Logger.getLogger("some.library").info("through the bridge");
      java.util.logging.Logger.getLogger("io.grpc.netty.NettyServerTransport").info("Transport failed");
      java.util.logging.Logger.getLogger("io.grpc.netty.NettyServerTransport").warning("a real problem");
      assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
          .containsExactly("through the bridge", "a real problem");
    } finally {
      // The bridge, the levels and gRPC's logger are the JVM's: left as they were for the tests after this one.
      root.detachAppender(lines);
      root.setLevel(before);
      context.getLogger("io.grpc").setLevel(null);
      SLF4JBridgeHandler.uninstall();
      java.util.logging.Logger.getLogger("").setLevel(julBefore);
    }
  }
}
