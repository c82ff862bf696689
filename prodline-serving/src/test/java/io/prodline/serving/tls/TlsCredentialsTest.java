package io.prodline.serving.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.testing.SelfSignedTls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading TLS files again: a changed pair is taken whole, a certificate without its key or an unreadable file is
 * refused with the reason and leaves the credentials in use as they were, unchanged files are not taken again.
 */
class TlsCredentialsTest {
  @TempDir
  Path served;
  @TempDir
  Path renewed;

  @Test
  void aRenewedPairIsTakenOnlyOnceBothFilesAreWritten() throws Exception {
    TlsConfig config = SelfSignedTls.create(served, "first", 1);
    TlsConfig next = SelfSignedTls.create(renewed, "second", 2);
    TlsCredentials credentials = TlsCredentials.load(config);
    assertThat(organisation(credentials)).isEqualTo("first");
    Instant firstExpiry = credentials.expiry();
    assertThat(firstExpiry).isEqualTo(notAfter(config.certificateChain()));
    assertThat(credentials.reloadIfChanged()).as("unchanged files").isFalse();

    replace(next.certificateChain(), config.certificateChain());
    assertThatThrownBy(credentials::reloadIfChanged).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("the key is not the certificate's");
    assertThat(organisation(credentials)).as("the pair in use stays").isEqualTo("first");
    assertThat(credentials.keyManager().getCertificateChain(
        credentials.keyManager().chooseEngineServerAlias("RSA", null, null))[0].getSubjectX500Principal().getName())
        .contains("O=first");

    replace(next.privateKey(), config.privateKey());
    assertThat(credentials.reloadIfChanged()).isTrue();
    assertThat(organisation(credentials)).isEqualTo("second");
    // The renewed certificate is valid for two days, the first for one: the expiry moved a day on.
    assertThat(credentials.expiry()).isEqualTo(notAfter(next.certificateChain())).isAfter(firstExpiry);
    assertThat(credentials.keyManager().getCertificateChain(
        credentials.keyManager().chooseEngineServerAlias("RSA", null, null))[0].getSubjectX500Principal().getName())
        .contains("O=second");
    assertThat(credentials.reloadIfChanged()).as("taken already").isFalse();
  }

  @Test
  void aMissingOrUnparsableFileIsRefusedNamingIt() throws Exception {
    TlsConfig config = SelfSignedTls.create(served, "first", 1);
    TlsCredentials credentials = TlsCredentials.load(config);

    Files.delete(config.privateKey());
    assertThatThrownBy(credentials::reloadIfChanged).isInstanceOf(ProdlineException.class)
        .hasMessage("TLS file " + config.privateKey() + " does not exist or cannot be read");

    Files.writeString(config.privateKey(), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(credentials::reloadIfChanged).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("the key is not an unencrypted PKCS#8 key in PEM (BEGIN PRIVATE KEY)");

    Files.writeString(config.certificateChain(), "no certificate here\n");
    assertThatThrownBy(credentials::reloadIfChanged).isInstanceOf(ProdlineException.class)
        .hasMessageContaining(config.certificateChain() + " holds no certificate (BEGIN CERTIFICATE)");
    assertThat(organisation(credentials)).isEqualTo("first");
  }

  /** The end of validity of the certificate in {@code pem}, read with the JDK's own parser. */
  private static Instant notAfter(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getNotAfter()
          .toInstant();
    }
  }

  private static String organisation(TlsCredentials credentials) {
    String subject = credentials.certificate().getSubjectX500Principal().getName();
    return subject.replaceAll(".*O=([^,]+).*", "$1");
  }

  /** Replaces {@code target} as a deployment would: the new file written beside it, then moved over it at once. */
  static void replace(Path source, Path target) throws IOException {
    Path written = Files.copy(source, target.resolveSibling(target.getFileName() + ".new"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
