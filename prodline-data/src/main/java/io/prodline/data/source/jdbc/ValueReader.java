package io.prodline.data.source.jdbc;

import io.prodline.data.source.FrameAssembler;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Moves one column's value of the current result row into a staged row, converted to the column's type.
 * Throws {@link IllegalArgumentException} with the problem when the value cannot be represented, which the
 * source turns into a bad record naming the row.
 */
@FunctionalInterface
interface ValueReader {
  void read(ResultSet rows, int index, FrameAssembler row, int column) throws SQLException;
}
