package io.prodline.serving.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.prodline.serving.management.ModelControl;

/**
 * Lets the calls that change what is served through only with the management token, sent as {@code authorization:
 * Bearer <token>} metadata (Triton's clients take it as headers), and only when the server has a management API:
 * Triton's model repository RPCs ({@code RepositoryIndex}, {@code RepositoryModelLoad},
 * {@code RepositoryModelUnload}) and TF Serving's {@code HandleReloadConfigRequest}. Every other call passes
 * untouched.
 */
final class ModelControlAuthorization implements ServerInterceptor {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** The model control of the management API, or {@code null} when the server has none. */
  private final ModelControl control;

  ModelControlAuthorization(ModelControl control) {
    this.control = control;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    String method = call.getMethodDescriptor().getBareMethodName();
    if (method == null || !(method.startsWith("Repository") || method.equals("HandleReloadConfigRequest"))) {
      return next.startCall(call, headers);
    }
    if (control == null) {
      call.close(Status.FAILED_PRECONDITION.withDescription(method + " needs the management API: start the server "
          + "with --management-port and a management token"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    if (!control.authorized(headers.get(AUTHORIZATION))) {
      call.close(Status.UNAUTHENTICATED.withDescription(method + " needs the metadata 'authorization: Bearer "
          + "<token>' with the server's management token"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
