package io.prodline.serving.management;

import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.protocol.ErrorBody;

/** A management answer before it is put on the wire: status, body and its content type (JSON but for metrics). */
record ManagementResponse(HttpResponseStatus status, byte[] body, String contentType) {
  ManagementResponse(HttpResponseStatus status, byte[] body) {
    this(status, body, HttpHeaderValues.APPLICATION_JSON.toString());
  }

  static ManagementResponse ok(byte[] body) {
    return new ManagementResponse(HttpResponseStatus.OK, body);
  }

  static ManagementResponse error(HttpResponseStatus status, String message) {
    return new ManagementResponse(status, ErrorBody.encode(message));
  }
}
