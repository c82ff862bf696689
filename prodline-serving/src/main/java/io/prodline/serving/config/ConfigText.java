package io.prodline.serving.config;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the configuration files of TF Serving (model config, batching parameters, monitoring and SSL config) and of
 * Triton ({@code config.pbtxt}), which are their messages in protobuf text format. A file that cannot be read or
 * parsed is one {@link ProdlineException} naming the file, its line and column.
 */
public final class ConfigText {
  /**
   * TF Serving's files, read strictly: a field the message does not have is an error, since a misspelt field would
   * otherwise be dropped without a word.
   */
  public static final ConfigText TF_SERVING = new ConfigText("TF Serving", false);
  /**
   * Triton's files, whose fields prodline takes a few of: the others (instance groups, optimization, backend
   * parameters) are skipped.
   */
  public static final ConfigText TRITON = new ConfigText("Triton", true);

  /**
   * The parser warns through java.util.logging about every field it skips, at every read; skipping is intended, so
   * its logger is quieted. Held here because java.util.logging keeps loggers weakly, with their level.
   */
  private static final Logger QUIET_PARSER = Logger.getLogger(TextFormat.class.getName());

  static {
    QUIET_PARSER.setLevel(Level.SEVERE);
  }

  private final String product;
  private final boolean skipsUnknownFields;
  private final TextFormat.Parser parser;

  private ConfigText(String product, boolean skipsUnknownFields) {
    this.product = product;
    this.skipsUnknownFields = skipsUnknownFields;
    this.parser = TextFormat.Parser.newBuilder().setAllowUnknownFields(skipsUnknownFields).build();
  }

  /**
   * {@code builder} with the message in {@code file} merged in; {@link ProdlineException} saying "cannot read
   * {@code product} {@code what} FILE: LINE:COLUMN: ..." and {@code hint} (empty for none) when it cannot.
   */
  public <B extends Message.Builder> B read(Path file, String what, B builder, String hint) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ProdlineException("cannot read " + product + " " + what + " " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file, what, builder, hint);
  }

  /** As {@link #read}, for the {@code text} of {@code file} already read. */
  public <B extends Message.Builder> B parse(String text, Path file, String what, B builder, String hint) {
    try {
      parser.merge(skipsUnknownFields ? withoutFieldSeparators(text) : text, builder);
    } catch (TextFormat.ParseException e) {
      throw new ProdlineException("cannot read " + product + " " + what + " " + file + ": "
          + e.getMessage().replaceFirst("\\.$", "") + hint, e);
    }
    return builder;
  }

  /**
   * {@code text} with the optional commas and semicolons between fields blanked out (those in lists, strings and
   * comments kept). The text format allows them, and Triton's files use them ({@code { name: "x", format:
   * FORMAT_NCHW, dims: [3] }}), but protobuf-java's parser fails on a separator after a field it skips as unknown;
   * without separators it skips such fields fine. Positions in error messages stay those of the file.
   */
  static String withoutFieldSeparators(String text) {
    StringBuilder out = new StringBuilder(text);
    Deque<Character> open = new ArrayDeque<>();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '[' || c == '{' || c == '<') {
        open.push(c);
      } else if (c == ']' || c == '}' || c == '>') {
        open.poll();
      } else if ((c == ',' || c == ';') && (open.isEmpty() || open.peek() != '[')) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }
}
