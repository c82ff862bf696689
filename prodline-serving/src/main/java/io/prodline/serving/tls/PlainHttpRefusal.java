package io.prodline.serving.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sits before the TLS handler of an HTTPS port and answers a client that speaks plain HTTP to it with a 400 in
 * plain HTTP that says to use https://, as nginx does, instead of the silent close the TLS handshake's failure
 * would give (curl then reports "Empty reply from server", which names nothing). A connection whose first bytes
 * are a TLS record goes on to the TLS handler untouched, and this handler leaves its pipeline.
 */
public final class PlainHttpRefusal extends ByteToMessageDecoder {
  /** A TLS record header is five bytes; {@link SslHandler#isEncrypted} needs them to decide. */
  private static final int RECORD_HEADER = 5;
  private static final byte[] ANSWER = answer();

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < RECORD_HEADER) {
      return;
    }
    if (SslHandler.isEncrypted(in, true)) {
      ctx.pipeline().remove(this); // the bytes read so far go on to the TLS handler
      return;
    }
    in.skipBytes(in.readableBytes());
    ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER)).addListener(ChannelFutureListener.CLOSE);
  }

  private static byte[] answer() {
    String body = "{\"error\": \"this port speaks HTTPS only and the request came in plain HTTP: "
        + "send it to https:// (with the server's CA certificate trusted)\"}\n";
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 400 Bad Request\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + bodyBytes.length + "\r\n"
        + "Connection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + bodyBytes.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
    return all;
  }
}
