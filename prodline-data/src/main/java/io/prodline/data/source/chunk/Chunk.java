package io.prodline.data.source.chunk;

/**
 * Whole records of a text file, {@code bytes[from, to)}, that a thread can parse without the rest of the file:
 * they start at the start of a record on physical line {@code firstLine}. {@code afterCr} says the byte before
 * {@code from} was a CR ending a record, so a LF first completes that CRLF rather than making a blank line.
 * {@code records} counts them, as the format's {@link RecordEnds} does (CSV counts no blank line, JSON lines
 * counts every line), so a parser can size its columns once.
 */
public record Chunk(byte[] bytes, int from, int to, long firstLine, boolean afterCr, int records) {}
