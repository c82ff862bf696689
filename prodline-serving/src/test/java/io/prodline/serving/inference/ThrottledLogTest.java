package io.prodline.serving.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrottledLogTest {
  @Test
  void aFloodIsOneLineAnIntervalSayingHowManyWereLeftOut() throws InterruptedException {
    Logger logger = (Logger) LoggerFactory.getLogger("throttled-log-test");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      ThrottledLog log = new ThrottledLog(logger, Duration.ofSeconds(1)); // far longer than the loop takes
      for (int i = 0; i < 1000; i++) {
        log.warn("{} refused", "request " + i);
      }
      Thread.sleep(1_100);
      log.warn("{} refused", "request 1000");
      assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("request 0 refused",
          "request 1000 refused (999 more like it since the last such line)");
    } finally {
      logger.detachAppender(logged);
    }
  }
}
