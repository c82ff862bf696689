/**
 * Streaming CSV source: {@link io.prodline.data.source.csv.CsvSource} reads an RFC 4180 file, UTF-8, with a
 * header row, in batches of rows as {@link io.prodline.core.frame.Frame}s, inferring column types from a
 * sample; {@link io.prodline.data.source.csv.CsvOptions} configures batch size, sample size, null tokens and
 * declared types. A quote-aware scan cuts the file into chunks of whole records, which a pool of threads parses
 * straight from the bytes (strict UTF-8, numbers without intermediate strings), handing batches back in file
 * order; errors name the file, line, column and fix.
 */
package io.prodline.data.source.csv;
