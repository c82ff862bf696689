package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.Frame;
import java.util.List;

/**
 * What a worker made of one {@link Chunk}: the rows as a frame, the bad records it left out (in file order,
 * for the reading thread to hand to the bad-record policy, which counts them in order), and the error that
 * stopped it, if any, which ends the read once the records before it are accounted for.
 *
 * @param frame the good rows; null only when {@code failure} came before any parsing
 * @param badRecords records of the wrong width, with a value that does not fit its column, or not UTF-8
 * @param failure damage that leaves nothing to resume at (text after a closing quote, an unclosed quote, an
 *     unreadable file), or null
 */
record ParsedChunk(Frame frame, List<DataFormatException> badRecords, RuntimeException failure) {
  static ParsedChunk failed(RuntimeException failure) {
    return new ParsedChunk(null, List.of(), failure);
  }
}
