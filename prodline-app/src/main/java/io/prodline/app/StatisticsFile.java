package io.prodline.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Statistics written by {@code prodline data stats --output}, read back so that data read once need not be read
 * again. Such a file ends in {@code .json}, like a JSON-lines data file, so it is told apart by its first key,
 * {@code num_examples}, which a statistics document always starts with.
 */
final class StatisticsFile {
  private static final JsonFactory JSON = new JsonFactory();

  private StatisticsFile() {}

  /** Whether {@code location} is a statistics file rather than data. */
  static boolean isStatistics(String location) {
    Path path = Path.of(location);
    if (!location.toLowerCase(Locale.ROOT).endsWith(".json") || !Files.isRegularFile(path)) {
      return false;
    }
    try (JsonParser parser = JSON.createParser(path.toFile())) {
      return parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
          && parser.currentName().equals("num_examples");
    } catch (IOException e) {
      return false;
    }
  }

  static DatasetStatistics read(Path file) {
    if (!isStatistics(file.toString())) {
      throw new ProdlineException(file + ": not a statistics file; write one with prodline data stats --data "
          + "LOCATION --output " + file);
    }
    try {
      return StatisticsJson.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (DataFormatException e) {
      throw new DataFormatException(file.toString(), "not a statistics file written by prodline data stats: "
          + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
