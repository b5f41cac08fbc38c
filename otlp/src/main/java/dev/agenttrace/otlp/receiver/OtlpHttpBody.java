package dev.agenttrace.otlp.receiver;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of OTLP/HTTP responses, in the encoding of the request as the spec requires: an
 * {@code ExportTraceServiceResponse} (with {@code partialSuccess} when spans were rejected) on success, a
 * {@code google.rpc.Status} with a message on failure.
 */
record OtlpHttpBody(String contentType, byte[] bytes) {
  static final String PROTOBUF = "application/x-protobuf";
  static final String JSON = "application/json";

  /** A success response; {@code rejectedSpans > 0} adds a partial success with {@code message}. */
  static OtlpHttpBody success(boolean json, long rejectedSpans, String message) {
    if (json) {
      String body = rejectedSpans == 0 ? "{}"
          : "{\"partialSuccess\":{\"rejectedSpans\":\"" + rejectedSpans + "\",\"errorMessage\":" + quote(message) + "}}";
      return new OtlpHttpBody(JSON, body.getBytes(StandardCharsets.UTF_8));
    }
    if (rejectedSpans == 0) {
      return new OtlpHttpBody(PROTOBUF, new byte[0]);
    }
    io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse response =
        io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.newBuilder()
            .setPartialSuccess(io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess.newBuilder()
                .setRejectedSpans(rejectedSpans).setErrorMessage(message))
            .build();
    return new OtlpHttpBody(PROTOBUF, response.toByteArray());
  }

  /** A {@code google.rpc.Status} with gRPC code {@code code} (3 invalid argument, 13 internal ...) and a message. */
  static OtlpHttpBody status(boolean json, int code, String message) {
    if (json) {
      String body = "{\"code\":" + code + ",\"message\":" + quote(message) + "}";
      return new OtlpHttpBody(JSON, body.getBytes(StandardCharsets.UTF_8));
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeInt32(1, code);       // google.rpc.Status.code
      out.writeString(2, message);   // google.rpc.Status.message
      out.flush();
      return new OtlpHttpBody(PROTOBUF, bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
