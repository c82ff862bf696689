/**
 * Streaming CSV source: {@link io.prodline.data.source.csv.CsvSource} reads an RFC 4180 file, UTF-8, with a
 * header row, in batches of rows as {@link io.prodline.core.frame.Frame}s, inferring column types from a
 * sample; {@link io.prodline.data.source.csv.CsvOptions} configures batch size, sample size, null tokens and
 * declared types. Parsing is done by FastCSV; this package adds strict decoding, typing and error messages
 * that name the file, line, column and fix.
 */
package io.prodline.data.source.csv;
