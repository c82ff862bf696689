package io.prodline.core.transform;

import static java.lang.Long.rotateRight;

import java.nio.charset.StandardCharsets;

/**
 * FarmHash Fingerprint64 ({@code farmhashna::Hash64}) of a string's UTF-8 bytes, and TensorFlow's
 * {@code FingerprintCat64}: the hashes behind {@code tf.strings.to_hash_bucket_fast} and
 * {@code tf.sparse.cross_hashed}, so a value lands in the same bucket here as in TensorFlow.
 *
 * <p>A fingerprint never changes across runs, JVMs or platforms: it is a pure function of the bytes. A bucket is
 * the fingerprint as an unsigned 64-bit number modulo the bucket count.
 */
public final class FarmHash {
  private static final long K0 = 0xc3a5c85c97cb3127L;
  private static final long K1 = 0xb492b66fbe98f273L;
  private static final long K2 = 0x9ae16a3b2f90404fL;
  private static final long CAT_MUL = 0xc6a4a7935bd1e995L;

  private FarmHash() {}

  /** Fingerprint64 of the UTF-8 bytes of {@code value}. */
  public static long fingerprint64(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return fingerprint64(bytes, 0, bytes.length);
  }

  /** {@code fingerprint mod buckets}, the fingerprint read as unsigned; in [0, buckets). */
  public static int bucket(long fingerprint, int buckets) {
    return (int) Long.remainderUnsigned(fingerprint, buckets);
  }

  /**
   * TensorFlow's {@code FingerprintCat64(fp1, fp2)}: combines two fingerprints, order-sensitively, as sparse
   * crosses do.
   */
  public static long fingerprintCat64(long fp1, long fp2) {
    long result = fp1 ^ CAT_MUL;
    result ^= shiftMix(fp2 * CAT_MUL) * CAT_MUL;
    result *= CAT_MUL;
    result = shiftMix(result) * CAT_MUL;
    return shiftMix(result);
  }

  static long fingerprint64(byte[] bytes, int offset, int length) {
    if (length <= 16) {
      return hashLength0To16(bytes, offset, length);
    } else if (length <= 32) {
      return hashLength17To32(bytes, offset, length);
    } else if (length <= 64) {
      return hashLength33To64(bytes, offset, length);
    }
    return hashLength65Plus(bytes, offset, length);
  }

  private static long shiftMix(long value) {
    return value ^ (value >>> 47);
  }

  private static long load64(byte[] b, int i) {
    return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
        | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56;
  }

  private static long load32(byte[] b, int i) {
    return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
  }

  private static long hashLength16(long u, long v, long mul) {
    long a = (u ^ v) * mul;
    a ^= a >>> 47;
    long b = (v ^ a) * mul;
    b ^= b >>> 47;
    return b * mul;
  }

  private static long hashLength0To16(byte[] bytes, int offset, int length) {
    if (length >= 8) {
      long mul = K2 + length * 2L;
      long a = load64(bytes, offset) + K2;
      long b = load64(bytes, offset + length - 8);
      long c = rotateRight(b, 37) * mul + a;
      long d = (rotateRight(a, 25) + b) * mul;
      return hashLength16(c, d, mul);
    }
    if (length >= 4) {
      long mul = K2 + length * 2L;
      long a = load32(bytes, offset);
      return hashLength16(length + (a << 3), load32(bytes, offset + length - 4), mul);
    }
    if (length > 0) {
      int a = bytes[offset] & 0xff;
      int b = bytes[offset + (length >> 1)] & 0xff;
      int c = bytes[offset + length - 1] & 0xff;
      long y = a + (b << 8);
      long z = length + (c << 2);
      return shiftMix(y * K2 ^ z * K0) * K2;
    }
    return K2;
  }

  private static long hashLength17To32(byte[] bytes, int offset, int length) {
    long mul = K2 + length * 2L;
    long a = load64(bytes, offset) * K1;
    long b = load64(bytes, offset + 8);
    long c = load64(bytes, offset + length - 8) * mul;
    long d = load64(bytes, offset + length - 16) * K2;
    return hashLength16(rotateRight(a + b, 43) + rotateRight(c, 30) + d, a + rotateRight(b + K2, 18) + c, mul);
  }

  private static long hashLength33To64(byte[] bytes, int offset, int length) {
    long mul = K2 + length * 2L;
    long a = load64(bytes, offset) * K2;
    long b = load64(bytes, offset + 8);
    long c = load64(bytes, offset + length - 8) * mul;
    long d = load64(bytes, offset + length - 16) * K2;
    long y = rotateRight(a + b, 43) + rotateRight(c, 30) + d;
    long z = hashLength16(y, a + rotateRight(b + K2, 18) + c, mul);
    long e = load64(bytes, offset + 16) * mul;
    long f = load64(bytes, offset + 24);
    long g = (y + load64(bytes, offset + length - 32)) * mul;
    long h = (z + load64(bytes, offset + length - 24)) * mul;
    return hashLength16(rotateRight(e + f, 43) + rotateRight(g, 30) + h, e + rotateRight(f + a, 18) + g, mul);
  }

  private static long hashLength65Plus(byte[] bytes, int offset, int length) {
    long seed = 81;
    long x = seed;
    long y = seed * K1 + 113;
    long z = shiftMix(y * K2 + 113) * K2;
    long[] v = new long[2];
    long[] w = new long[2];
    x = x * K2 + load64(bytes, offset);
    int end = offset + ((length - 1) / 64) * 64;
    int last64 = end + ((length - 1) & 63) - 63;
    do {
      x = rotateRight(x + y + v[0] + load64(bytes, offset + 8), 37) * K1;
      y = rotateRight(y + v[1] + load64(bytes, offset + 48), 42) * K1;
      x ^= w[1];
      y += v[0] + load64(bytes, offset + 40);
      z = rotateRight(z + w[0], 33) * K1;
      weakHashLength32WithSeeds(bytes, offset, v[1] * K1, x + w[0], v);
      weakHashLength32WithSeeds(bytes, offset + 32, z + w[1], y + load64(bytes, offset + 16), w);
      long swap = x;
      x = z;
      z = swap;
      offset += 64;
    } while (offset != end);
    long mul = K1 + ((z & 0xff) << 1);
    offset = last64;
    w[0] += (length - 1) & 63;
    v[0] += w[0];
    w[0] += v[0];
    x = rotateRight(x + y + v[0] + load64(bytes, offset + 8), 37) * mul;
    y = rotateRight(y + v[1] + load64(bytes, offset + 48), 42) * mul;
    x ^= w[1] * 9;
    y += v[0] * 9 + load64(bytes, offset + 40);
    z = rotateRight(z + w[0], 33) * mul;
    weakHashLength32WithSeeds(bytes, offset, v[1] * mul, x + w[0], v);
    weakHashLength32WithSeeds(bytes, offset + 32, z + w[1], y + load64(bytes, offset + 16), w);
    return hashLength16(hashLength16(v[0], w[0], mul) + shiftMix(y) * K0 + x,
        hashLength16(v[1], w[1], mul) + z, mul);
  }

  private static void weakHashLength32WithSeeds(byte[] bytes, int offset, long seedA, long seedB, long[] out) {
    long part1 = load64(bytes, offset);
    long part2 = load64(bytes, offset + 8);
    long part3 = load64(bytes, offset + 16);
    long part4 = load64(bytes, offset + 24);
    seedA += part1;
    seedB = rotateRight(seedB + seedA + part4, 21);
    long c = seedA;
    seedA += part2;
    seedA += part3;
    seedB += rotateRight(seedA, 44);
    out[0] = seedA + part4;
    out[1] = seedB + c;
  }
}
