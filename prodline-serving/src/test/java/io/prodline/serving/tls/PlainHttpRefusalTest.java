package io.prodline.serving.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What reaches the TLS handler, and what a plain HTTP client hears back. */
class PlainHttpRefusalTest {
  /** The first bytes of a TLS 1.2 ClientHello: a handshake record (22), version 3.1, length, then the message. */
  private static final byte[] CLIENT_HELLO_START = {22, 3, 1, 0, 4, 1, 0, 0, 0};

  @Test
  void aTlsHandshakePassesThroughByteForByteAndTheRefusalLeaves() {
    EmbeddedChannel channel = new EmbeddedChannel(new PlainHttpRefusal());
    channel.writeInbound(Unpooled.wrappedBuffer(CLIENT_HELLO_START, 0, 3)); // too few bytes to decide: held
    assertThat((Object) channel.readInbound()).isNull();
    channel.writeInbound(Unpooled.wrappedBuffer(CLIENT_HELLO_START, 3, CLIENT_HELLO_START.length - 3));
    ByteBuf passed = channel.readInbound();
    assertThat(ByteBufUtil.getBytes(passed)).containsExactly(CLIENT_HELLO_START);
    passed.release();
    assertThat(channel.pipeline().get(PlainHttpRefusal.class)).isNull();
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void plainHttpGetsA400InPlainHttpAndTheConnectionCloses() {
    EmbeddedChannel channel = new EmbeddedChannel(new PlainHttpRefusal());
    channel.writeInbound(Unpooled.copiedBuffer("GET /v1/models/m HTTP/1.1\r\nHost: x\r\n\r\n",
        StandardCharsets.US_ASCII));
    assertThat((Object) channel.readInbound()).as("nothing reaches the TLS handler").isNull();
    ByteBuf answer = channel.readOutbound();
    String text = new String(ByteBufUtil.getBytes(answer), StandardCharsets.UTF_8);
    answer.release();
    assertThat(text).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close\r\n")
        .contains("https://");
    String body = text.substring(text.indexOf("\r\n\r\n") + 4);
    assertThat(text).contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
    assertThat(channel.isOpen()).isFalse();
  }
}
