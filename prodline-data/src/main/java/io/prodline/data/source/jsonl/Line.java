package io.prodline.data.source.jsonl;

import io.prodline.core.error.DataFormatException;

/**
 * One non-blank line of a JSON-lines file: its 1-based number and its bytes, {@code bytes[from, to)}, valid
 * UTF-8 (Jackson parses them as they are, faster than their decoded text), or the error that made them
 * unreadable, kept so that the line is reported in its turn, like any other bad record.
 */
record Line(long number, byte[] bytes, int from, int to, DataFormatException error) {}
