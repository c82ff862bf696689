package io.prodline.data.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.DataFormatException;
import io.prodline.data.source.chunk.Chunk;
import io.prodline.data.source.chunk.ChunkSplitter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Record boundaries found by the quote-aware scan, read with block sizes down to one byte so that every quote,
 * CR, LF and byte order mark falls on a block edge somewhere.
 */
class ChunkSplitterTest {
  /** Each chunk's text and starting line, cut every {@code records} records or {@code maxBytes} bytes. */
  private static List<String> chunks(byte[] file, int blockBytes, int records, int maxBytes) {
    List<String> chunks = new ArrayList<>();
    try (ChunkSplitter splitter =
        new ChunkSplitter("t.csv", new ByteArrayInputStream(file), blockBytes, 0,
            new BoundaryScanner("t.csv", 1, false))) {
      for (Chunk c = splitter.next(records, maxBytes); c != null; c = splitter.next(records, maxBytes)) {
        chunks.add(c.firstLine() + (c.afterCr() ? "^" : "") + ":"
            + new String(c.bytes(), c.from(), c.to() - c.from(), StandardCharsets.UTF_8));
      }
    }
    return chunks;
  }

  private static List<String> chunks(byte[] file, int blockBytes, int records) {
    return chunks(file, blockBytes, records, Integer.MAX_VALUE);
  }

  private static List<String> chunks(String file, int blockBytes, int records) {
    return chunks(file.getBytes(StandardCharsets.UTF_8), blockBytes, records);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 1 << 20})
  void quotedLineBreaksAndSeparatorsDoNotEndARecord(int blockBytes) {
    String file = "a,b\n\"x\ny\",\"1,\n2\"\n\"\"\"\",z\n";
    assertThat(chunks(file, blockBytes, 1)).containsExactly(
        "1:a,b\n", "2:\"x\ny\",\"1,\n2\"\n", "5:\"\"\"\",z\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7})
  void crlfSplitAcrossBlocksIsOneLineEnd(int blockBytes) {
    String file = "a\r\n1\r\n\r\n2\r3\n";
    // A cut after a CR leaves its LF to the next chunk, which is told so and does not count it as a line.
    assertThat(chunks(file, blockBytes, 1)).containsExactly("1:a\r", "2^:\n1\r", "3^:\n\r\n2\r", "5^:3\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void lineBreakInsideQuotesAtABlockEdge(int blockBytes) {
    // With a block of 3 or 6 bytes, the quoted LF ends a block; with 4 the quoted CR of the CRLF does.
    String file = "ab\"\n\"x\r\ny\",c\n";
    assertThat(chunks(file, blockBytes, 1)).containsExactly("1:ab\"\n", "2:\"x\r\ny\",c\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 1024})
  void quoteOnlyOpensAtTheStartOfAField(int blockBytes) {
    // In ab"c the quote is a literal character, so the next LF ends the record.
    String file = "ab\"c,d\n\"e\"\"\n\",f\n";
    assertThat(chunks(file, blockBytes, 1)).containsExactly("1:ab\"c,d\n", "2:\"e\"\"\n\",f\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 1024})
  void byteOrderMarkIsDroppedWhateverTheBlockSize(int blockBytes) {
    byte[] text = "id\n1\n".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[text.length + 3];
    file[0] = (byte) 0xEF;
    file[1] = (byte) 0xBB;
    file[2] = (byte) 0xBF;
    System.arraycopy(text, 0, file, 3, text.length);
    assertThat(chunks(file, blockBytes, 1)).containsExactly("1:id\n", "2:1\n");
    assertThat(chunks(Arrays.copyOf(file, 2), blockBytes, 1)).hasSize(1); // a cut-off mark is data, not a mark
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 1024})
  void blankLinesAreNotRecordsAndALastLineNeedsNoLineEnd(int blockBytes) {
    String file = "\n\na\n\n1\n2";
    assertThat(chunks(file, blockBytes, 2)).containsExactly("1:\n\na\n\n1\n", "6:2");
    assertThat(chunks("a\n\n\n", blockBytes, 1)).containsExactly("1:a\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 1024})
  void multiByteCharactersNeverLookLikeSeparators(int blockBytes) {
    String file = "caf\u00e9,\ud83d\ude00\n\u00e9\n";
    assertThat(chunks(file, blockBytes, 1)).containsExactly("1:caf\u00e9,\ud83d\ude00\n", "2:\u00e9\n");
  }

  @Test
  void chunksHoldTheAskedNumberOfRecords() {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      file.append(i).append('\n');
    }
    assertThat(chunks(file.toString(), 2, 4)).containsExactly("1:0\n1\n2\n3\n", "5:4\n5\n6\n7\n", "9:8\n9\n");
  }

  @Test
  void aChunkReachingTheByteLimitEndsWithTheRecordUnderWay() {
    String file = "aaa\nbbb\n\"c\nc\"\nddd\n";
    assertThat(chunks(file.getBytes(StandardCharsets.UTF_8), 1, 100, 6))
        .containsExactly("1:aaa\nbbb\n", "3:\"c\nc\"\nddd\n");
  }

  @Test
  void aQuoteLeftOpenAtTheEndNamesTheLineWhereItOpened() {
    assertThatThrownBy(() -> chunks("a\n1\n\"x\ny\n", 2, 100))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("t.csv:3: the quoted field that starts on this line is never closed");
  }
}
