package io.prodline.serving.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.ServerReadyRequest;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.prodline.serving.management.ManagementOptions;
import io.prodline.serving.tls.TlsConfig;
import io.prodline.serving.tls.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Assumptions;

/**
 * A self-signed certificate for {@code 127.0.0.1} made by openssl for a test (which is skipped where openssl is
 * missing), and an HTTPS client for it; for mutual TLS, an authority for client certificates and a client
 * certificate it signed.
 */
public final class SelfSignedTls {
  private static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private SelfSignedTls() {}

  /** Writes {@code server.crt} and its key {@code server.key} into {@code directory}. */
  public static TlsConfig create(Path directory) throws IOException, InterruptedException {
    return create(directory, "server", 1);
  }

  /**
   * Writes {@code <name>.crt}, valid for {@code days} days with the organisation {@code name} in its subject (so
   * tests can tell certificates apart), and its key {@code <name>.key} into {@code directory}.
   */
  public static TlsConfig create(Path directory, String name, int days) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "openssl is needed to make a certificate");
    Path cert = directory.resolve(name + ".crt");
    Path key = directory.resolve(name + ".key");
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
        "-days", Integer.toString(days), "-subj", "/CN=127.0.0.1/O=" + name,
        "-addext", "subjectAltName=IP:127.0.0.1");
    return new TlsConfig(cert, key);
  }

  /** The certificate a TLS port on {@code 127.0.0.1:port} presents to a new connection now. */
  public static X509Certificate presented(int port) {
    try (SSLSocket socket = (SSLSocket) trustingEverything(null).getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    } catch (IOException e) {
      throw new UncheckedIOException("no TLS handshake with port " + port, e);
    }
  }

  /**
   * A client's credentials for mutual TLS.
   *
   * @param authority the certificate of the authority that signed the client's (what the server trusts)
   * @param certificate the client's certificate (PEM)
   * @param key its unencrypted PKCS#8 key (PEM)
   * @param keyStore both in a PKCS#12 store with password {@link #KEY_STORE_PASSWORD}, for Java's HTTP client
   */
  public record ClientCredentials(Path authority, Path certificate, Path key, Path keyStore) {
    public static final String KEY_STORE_PASSWORD = "test";
  }

  /** Makes a certificate authority named {@code name} in {@code directory} and a client certificate it signed. */
  public static ClientCredentials clientCredentials(Path directory, String name)
      throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "openssl is needed to make a certificate");
    Path caCert = directory.resolve(name + "-ca.crt");
    Path caKey = directory.resolve(name + "-ca.key");
    Path request = directory.resolve(name + "-client.csr");
    Path cert = directory.resolve(name + "-client.crt");
    Path key = directory.resolve(name + "-client.key");
    Path store = directory.resolve(name + "-client.p12");
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", caCert.toString(),
        "-days", "1", "-subj", "/CN=" + name + " client authority");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", request.toString(),
        "-subj", "/CN=" + name + " client");
    openssl("x509", "-req", "-in", request.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-out", cert.toString(), "-days", "1");
    openssl("pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-out", store.toString(),
        "-passout", "pass:" + ClientCredentials.KEY_STORE_PASSWORD);
    return new ClientCredentials(caCert, cert, key, store);
  }

  private static void openssl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
    command.addAll(List.of(arguments));
    Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertThat(openssl.waitFor()).as(output).isZero();
  }

  /**
   * A server on loopback ports for the test repository in {@code root}, REST, gRPC and management (with
   * {@code token}) all on {@code tls}.
   */
  public static ModelServer serve(Path root, TlsSettings tls, String token) throws IOException {
    return new ModelServer(ServerConfig.defaults(TestRepository.create(root)).withBindAddress("127.0.0.1")
        .withManagement(ManagementOptions.on(0, token)).withTls(tls)).start(0, 0);
  }

  /**
   * Makes {@code call} on a gRPC channel to {@code 127.0.0.1:port} opened with {@code credentials} (30 s deadline),
   * then closes the channel.
   */
  public static <T> T grpc(int port, ChannelCredentials credentials,
      Function<GRPCInferenceServiceBlockingStub, T> call) {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, credentials).build();
    try {
      return call.apply(GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS));
    } finally {
      channel.shutdownNow();
    }
  }

  /** gRPC client credentials that trust {@code serverCertificate} and present no certificate of their own. */
  public static ChannelCredentials grpcTrusting(Path serverCertificate) throws IOException {
    return TlsChannelCredentials.newBuilder().trustManager(serverCertificate.toFile()).build();
  }

  /** As {@link #grpcTrusting(Path)}, presenting {@code client}'s certificate when the server asks for one. */
  public static ChannelCredentials grpcTrusting(Path serverCertificate, ClientCredentials client) throws IOException {
    return TlsChannelCredentials.newBuilder().trustManager(serverCertificate.toFile())
        .keyManager(client.certificate().toFile(), client.key().toFile()).build();
  }

  /** Whether the gRPC server on {@code 127.0.0.1:port} says it is ready to a client with {@code credentials}. */
  public static boolean grpcReady(int port, ChannelCredentials credentials) {
    return grpc(port, credentials, stub -> stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady());
  }

  /** An HTTPS client for {@code 127.0.0.1:port}. */
  public static HttpTestClient https(int port) {
    return new HttpTestClient(HttpClient.newBuilder().sslContext(trustingEverything(null)),
        "https://127.0.0.1:" + port);
  }

  /** An HTTPS client for {@code 127.0.0.1:port} that presents {@code client}'s certificate when asked. */
  public static HttpTestClient https(int port, ClientCredentials client) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      char[] password = ClientCredentials.KEY_STORE_PASSWORD.toCharArray();
      try (InputStream in = Files.newInputStream(client.keyStore())) {
        store.load(in, password);
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      return new HttpTestClient(HttpClient.newBuilder().sslContext(trustingEverything(keys.getKeyManagers())),
          "https://127.0.0.1:" + port);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the client key store " + client.keyStore(), e);
    }
  }

  /**
   * The server certificate is self-signed, so the test client trusts any; real clients pin or use a CA.
   * {@code keys} are the client's own credentials, or {@code null} for none.
   */
  private static SSLContext trustingEverything(KeyManager[] keys) {
    TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trustAll}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has TLS", e);
    }
  }
}
