package io.prodline.data.source.csv;

import java.util.List;

/**
 * A record as text: the header, or a row of the type-inference sample, which are looked at cell by cell before
 * any column type is known.
 *
 * @param line the physical line the record starts on
 * @param fields the decoded field texts
 */
record TextRecord(long line, List<String> fields) {}
