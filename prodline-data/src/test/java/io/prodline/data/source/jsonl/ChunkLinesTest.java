package io.prodline.data.source.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.data.source.chunk.Chunk;
import io.prodline.data.source.chunk.ChunkSplitter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkLinesTest {
  /**
   * Every non-blank line of {@code file}, as number:text (or number:error), cut into chunks of a few lines, read in
   * small blocks.
   */
  private static List<String> read(byte[] file) {
    List<String> lines = new ArrayList<>();
    Random sizes = new Random(file.length);
    try (ChunkSplitter splitter = new ChunkSplitter("f.jsonl", new ByteArrayInputStream(file), 1_000, 0,
        new LineEnds())) {
      // A few lines at a time, or fewer when the byte cap (sometimes tiny) is reached first.
      for (Chunk chunk = splitter.next(1 + sizes.nextInt(7), maxBytes(sizes)); chunk != null;
          chunk = splitter.next(1 + sizes.nextInt(7), maxBytes(sizes))) {
        ChunkLines chunkLines = new ChunkLines("f.jsonl", chunk);
        for (Line line = chunkLines.next(); line != null; line = chunkLines.next()) {
          lines.add(line.number() + ":" + (line.error() != null ? line.error().getMessage()
              : new String(line.bytes(), line.from(), line.to() - line.from(), StandardCharsets.UTF_8)));
        }
      }
    }
    return lines;
  }

  private static int maxBytes(Random sizes) {
    return sizes.nextBoolean() ? Integer.MAX_VALUE : 1 + sizes.nextInt(300);
  }

  /**
   * Lines of every length, from empty to hundreds of times the read block, ASCII or not, ending in LF or CRLF or
   * (the last) in nothing: each comes back whole, numbered, blank ones skipped, as a plain split of the text.
   */
  @Test
  void readsEveryLineWholeWhateverItsLengthAndEnding() {
    Random random = new Random(11);
    for (int file = 0; file < 20; file++) {
      StringBuilder text = new StringBuilder();
      List<String> expected = new ArrayList<>();
      int lines = 1 + random.nextInt(60);
      for (int n = 1; n <= lines; n++) {
        int length = switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> random.nextInt(16);
          case 2 -> random.nextInt(1_000);
          default -> random.nextInt(200_000);
        };
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < length; i++) {
          line.append(random.nextInt(50) == 0 ? 'é' : random.nextInt(20) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        text.append(line);
        if (!line.toString().isBlank()) {
          expected.add(n + ":" + line);
        }
        if (n < lines || random.nextBoolean()) {
          text.append(random.nextBoolean() ? "\n" : "\r\n");
        }
      }
      assertThat(read(text.toString().getBytes(StandardCharsets.UTF_8))).as("file %d", file)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void dropsAByteOrderMarkAndReadsALoneLastLine() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"a\": 1}\n\n  \n{\"a\": 2}".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(body, 0, file, bom.length, body.length);
    assertThat(read(file)).containsExactly("1:{\"a\": 1}", "4:{\"a\": 2}");
    assertThat(read(new byte[0])).isEmpty();
  }

  /** As String.isBlank: a line of white space, ASCII or not, is no record; a line of invalid UTF-8 is one. */
  @Test
  void skipsLinesOfWhiteSpaceOfAnyKind() {
    byte[] file = "\t \n\u2003\u2028\n{\"a\": 1}\n\u00a0\n".getBytes(StandardCharsets.UTF_8);
    assertThat(read(file)).containsExactly("3:{\"a\": 1}", "4:\u00a0");
    byte[] invalid = {' ', (byte) 0xC3, '\n', '{', '}', '\n'};
    assertThat(read(invalid))
        .containsExactly("1:f.jsonl:1: invalid UTF-8 bytes; save the file with UTF-8 encoding", "2:{}");
  }

  @Test
  void aLineEndingExactlyAtTheEndOfABlockIsNotSplit() {
    String first = "x".repeat(999);
    String text = first + "\n" + "y".repeat(10) + "\n" + "z".repeat(1 << 17);
    assertThat(read(text.getBytes(StandardCharsets.US_ASCII)))
        .containsExactly("1:" + first, "2:" + "y".repeat(10), "3:" + "z".repeat(1 << 17));
  }
}
