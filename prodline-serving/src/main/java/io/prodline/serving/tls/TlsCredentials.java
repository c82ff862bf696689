package io.prodline.serving.tls;

import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import io.prodline.core.error.ProdlineException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate chain, key and client authorities the TLS ports present, read from {@link TlsSettings}' PEM texts
 * and read again by {@link #reloadIfChanged} when the files change, so that a renewed certificate (cert-manager,
 * an updated Kubernetes secret, certbot) is presented to the next connections without a restart. Connections
 * already open keep the certificate they were made with.
 *
 * <p>All ports draw on the one key manager and trust manager here, which swap their contents in place; the TLS
 * contexts built on them ({@link ServerSslContexts}) never change. A set of files is taken only whole and
 * consistent: every file parses and the key is the certificate's (a test signature made with the key verifies with
 * the certificate). Files caught half-rewritten, or replaced with bad ones, leave the credentials in use as they
 * are; {@link #reloadIfChanged} then says why, and takes the files as soon as they are right ({@link TlsReloader}
 * looks at them on a schedule).
 */
public final class TlsCredentials {
  private static final byte[] PROBE = "prodline key check".getBytes(StandardCharsets.US_ASCII);

  private final TlsSettings config;
  private final AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
  private final AdvancedTlsX509TrustManager clients;
  /** Digest of the bytes of the files in use now. */
  private byte[] inUse;
  private volatile X509Certificate certificate;

  private TlsCredentials(TlsSettings config) {
    this.config = config;
    this.clients = config.requiresClientCertificates() ? newClientTrustManager() : null;
  }

  /** A trust manager that checks a client's certificate chain against the authorities only (no host name). */
  private static AdvancedTlsX509TrustManager newClientTrustManager() {
    try {
      return AdvancedTlsX509TrustManager.newBuilder()
          .setVerification(AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's TLS cannot make a trust manager: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the files of {@code config}.
   *
   * @throws ProdlineException naming the file and the problem when a file is missing or unusable
   */
  public static TlsCredentials load(TlsSettings config) {
    TlsCredentials credentials = new TlsCredentials(config);
    credentials.take(credentials.read());
    return credentials;
  }

  public TlsSettings config() {
    return config;
  }

  /** The key manager every port presents the server's certificate with; its contents follow reloads. */
  public X509ExtendedKeyManager keyManager() {
    return keys;
  }

  /** The authorities client certificates must be signed by, or {@code null} for server-only TLS. */
  public X509ExtendedTrustManager clientTrustManager() {
    return clients;
  }

  /** The server's certificate in use now (the first of its chain). */
  public X509Certificate certificate() {
    return certificate;
  }

  /** When the certificate in use now stops being valid. */
  public Instant expiry() {
    return certificate.getNotAfter().toInstant();
  }

  /**
   * Reads the files and takes them if they differ from those in use.
   *
   * @return whether new files were taken: new connections then get the new certificate
   * @throws ProdlineException when the files changed into a set that cannot be used (or cannot be read), naming
   *     the file and the problem; the credentials in use are kept
   */
  public synchronized boolean reloadIfChanged() {
    FileContents read = read();
    if (Arrays.equals(read.digest(), inUse)) {
      return false;
    }
    take(read);
    return true;
  }

  /** Puts {@code read} in use, once it parsed into a usable set. */
  private void take(FileContents read) {
    Parsed parsed = read.parse();
    if (clients != null) {
      try {
        clients.updateTrustCredentials(parsed.clientCa());
      } catch (IOException | GeneralSecurityException e) {
        throw new ProdlineException("cannot use TLS client CA " + read.pems.clientCaName() + ": " + e.getMessage(),
            e);
      }
    }
    keys.updateIdentityCredentials(parsed.chain(), parsed.key());
    certificate = parsed.chain()[0];
    inUse = read.digest();
  }

  /** The texts, read once, so that the digest and the parse see the same contents. */
  private FileContents read() {
    return new FileContents(config.read());
  }

  private record Parsed(X509Certificate[] chain, PrivateKey key, X509Certificate[] clientCa) {}

  private final class FileContents {
    private final TlsSettings.Pems pems;
    private final byte[] digest;

    FileContents(TlsSettings.Pems pems) {
      this.pems = pems;
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (byte[] file : new byte[][] {pems.chain(), pems.key(), pems.clientCa()}) {
          sha256.update(file);
          sha256.update(Integer.toString(file.length).getBytes(StandardCharsets.US_ASCII));
        }
        this.digest = sha256.digest();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    byte[] digest() {
      return digest;
    }

    Parsed parse() {
      X509Certificate[] certificates = certificates(pems.chain(), pems.chainName());
      PrivateKey privateKey;
      try {
        privateKey = io.grpc.util.CertificateUtils.getPrivateKey(new ByteArrayInputStream(pems.key()));
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        throw unusable("the key is not an unencrypted PKCS#8 key in PEM (BEGIN PRIVATE KEY): " + e.getMessage(),
            e);
      }
      if (!matches(privateKey, certificates[0])) {
        throw unusable("the key is not the certificate's (a new certificate needs its new key; if the files are "
            + "being replaced, the pair is taken once both are written)", null);
      }
      X509Certificate[] authorities = config.requiresClientCertificates()
          ? certificates(pems.clientCa(), pems.clientCaName()) : null;
      return new Parsed(certificates, privateKey, authorities);
    }

    private X509Certificate[] certificates(byte[] pem, String file) {
      if (!new String(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
        throw unusable(file + " holds no certificate (BEGIN CERTIFICATE)", null);
      }
      X509Certificate[] certificates;
      try {
        certificates = io.grpc.util.CertificateUtils.getX509Certificates(new ByteArrayInputStream(pem));
      } catch (GeneralSecurityException | RuntimeException e) {
        throw unusable(file + " is not PEM certificates: " + e.getMessage(), e);
      }
      if (certificates.length == 0) {
        throw unusable(file + " holds no certificate (BEGIN CERTIFICATE)", null);
      }
      return certificates;
    }

    private ProdlineException unusable(String why, Throwable cause) {
      return new ProdlineException("cannot use TLS " + config.describe() + ": " + why
          + "; expected PEM, the key unencrypted PKCS#8", cause);
    }
  }

  /** Whether a signature made with {@code key} verifies with the certificate's public key. */
  private static boolean matches(PrivateKey key, X509Certificate certificate) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      case "Ed448" -> "Ed448";
      default -> null;
    };
    if (algorithm == null) {
      return true; // a key type without a signature this check knows: the handshake will tell
    }
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
