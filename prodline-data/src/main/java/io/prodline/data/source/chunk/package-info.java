/**
 * Reading a text file on several threads in file order, shared by the CSV and JSON-lines readers: a
 * {@link io.prodline.data.source.chunk.ChunkSplitter} cuts the file into chunks of whole records (where a record
 * ends is the format's to say, a {@link io.prodline.data.source.chunk.RecordEnds}), and
 * {@link io.prodline.data.source.chunk.OrderedChunkParsing} parses them on a pool and hands the results back in
 * order.
 */
package io.prodline.data.source.chunk;
