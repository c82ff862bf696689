package io.prodline.serving.inference;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up request ids: random version-4 UUIDs from the thread's own generator, since {@link UUID#randomUUID()}
 * draws from one shared, synchronized {@code SecureRandom} that request threads would contend on. The ids only
 * need to be unique, not unpredictable.
 */
final class RequestIds {
  private RequestIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
    return new UUID(high, low).toString();
  }
}
