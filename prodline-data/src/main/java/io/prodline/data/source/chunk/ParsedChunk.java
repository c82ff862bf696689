package io.prodline.data.source.chunk;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.Frame;
import java.util.List;

/**
 * What a worker made of one {@link Chunk}: the rows as a frame, the bad records it left out (in file order,
 * for the reading thread to hand to the bad-record policy, which counts them in order), and the error that
 * stopped it, if any, which ends the read once the records before it are accounted for.
 *
 * @param frame the good rows; null only when {@code failure} came before any parsing
 * @param badRecords records that could not be read: the wrong width, a value that does not fit its column, not
 *     UTF-8, not one JSON object
 * @param failure damage that leaves nothing to resume at (text after a closing quote, an unclosed quote, an
 *     unreadable file), or null
 */
public record ParsedChunk(Frame frame, List<DataFormatException> badRecords, RuntimeException failure) {
  public static ParsedChunk failed(RuntimeException failure) {
    return new ParsedChunk(null, List.of(), failure);
  }
}
