package io.prodline.serving.grpc.tfserving;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads TF Serving's configuration files (model config, batching parameters, monitoring config), which are its
 * messages in protobuf text format. Strict: a field the message does not have is an error naming its line and
 * column, since a misspelt field would otherwise be dropped without a word.
 */
public final class TfServingConfigText {
  private static final TextFormat.Parser PARSER = TextFormat.Parser.newBuilder().build();

  private TfServingConfigText() {}

  /**
   * {@code builder} with the message in {@code file} merged in; {@link ProdlineException} saying "cannot read TF
   * Serving {@code what} FILE: LINE:COLUMN: ..." and {@code hint} (empty for none) when the file cannot be read.
   */
  public static <B extends Message.Builder> B read(Path file, String what, B builder, String hint) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ProdlineException("cannot read TF Serving " + what + " " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file, what, builder, hint);
  }

  /** As {@link #read}, for the {@code text} of {@code file} already read. */
  public static <B extends Message.Builder> B parse(String text, Path file, String what, B builder, String hint) {
    try {
      PARSER.merge(text, builder);
    } catch (TextFormat.ParseException e) {
      throw new ProdlineException("cannot read TF Serving " + what + " " + file + ": "
          + e.getMessage().replaceFirst("\\.$", "") + hint, e);
    }
    return builder;
  }
}
