package io.prodline.data.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.prodline.core.error.DataFormatException;

/**
 * Writes and reads {@link DatasetStatistics} as JSON with the stable snake_case field names documented in
 * {@code docs/statistics.md}. Absent values (e.g. the mean of a feature with no finite value) are JSON null.
 */
public final class StatisticsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatisticsJson() {}

  public static String write(DatasetStatistics statistics) {
    try {
      return MAPPER.writeValueAsString(statistics);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("statistics could not be written as JSON", e);
    }
  }

  /** Reads what {@link #write} wrote; throws {@link DataFormatException} if {@code json} is not such a document. */
  public static DatasetStatistics read(String json) {
    try {
      return MAPPER.readValue(json, DatasetStatistics.class);
    } catch (JsonProcessingException e) {
      throw new DataFormatException("statistics JSON", e.getOriginalMessage());
    }
  }
}
