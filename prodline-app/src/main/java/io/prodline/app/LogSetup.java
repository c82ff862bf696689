package io.prodline.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * prodline's logging, set up in code: one line per event on standard error (time, level, logger, message), at the
 * level {@code PRODLINE_LOG_LEVEL} names (default WARN), Netty at WARN. Found by logback through the service loader.
 * A {@code logback.xml} would say the same, but logback reads it with an XML parser and its own configuration
 * interpreter, about 0.25 s and 600 classes at every start of every command. A file named by
 * {@code -Dlogback.configurationFile} still takes over.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
  static final String LEVEL_VARIABLE = "PRODLINE_LOG_LEVEL";
  private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  /** The level {@code name} gives, WARN when none; a name that is no level is said once and WARN taken. */
  static Level level(String name) {
    if (name == null || name.isBlank()) {
      return Level.WARN;
    }
    if (!LEVELS.contains(name.trim().toUpperCase(Locale.ROOT))) {
      System.err.println("prodline: " + LEVEL_VARIABLE + "=" + name + " is not a level (" + String.join(", ", LEVELS)
          + "); logging at WARN");
      return Level.WARN;
    }
    return Level.toLevel(name.trim());
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(System.getenv(LEVEL_VARIABLE)));
    root.addAppender(stderr);
    context.getLogger("io.netty").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Sends java.util.logging, which gRPC logs through, to the same lines at the same level, instead of JUL's own
   * two-line format at INFO (a client's bad handshake printed a 28-line stack trace). gRPC at WARN, as Netty: its
   * INFO is one line per client that breaks off. For {@code serve}; the other commands load no JUL logger, and
   * loading the bridge at every start would cost them.
   */
  static void routeJavaUtilLogging() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend: its own configuration decides
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Level level = context.getLogger(Logger.ROOT_LOGGER_NAME).getEffectiveLevel();
    // JUL drops what is below its own level before building a record, so the bridge sees only what logback shows.
    java.util.logging.Logger.getLogger("").setLevel(julLevel(level));
    context.getLogger("io.grpc").setLevel(Level.WARN);
  }

  private static java.util.logging.Level julLevel(Level level) {
    return switch (level.toInt()) {
      case Level.TRACE_INT -> java.util.logging.Level.FINEST;
      case Level.DEBUG_INT -> java.util.logging.Level.FINE;
      case Level.INFO_INT -> java.util.logging.Level.INFO;
      case Level.WARN_INT -> java.util.logging.Level.WARNING;
      case Level.ERROR_INT -> java.util.logging.Level.SEVERE;
      default -> java.util.logging.Level.OFF;
    };
  }
}
