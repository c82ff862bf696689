/**
 * JSON-lines source: {@link io.prodline.data.source.jsonl.JsonLinesSource} reads one JSON object per line with
 * Jackson's streaming parser, infers the four column types from a sample, and reports each bad line by
 * {@code file:line}.
 */
package io.prodline.data.source.jsonl;
