package io.prodline.metadata.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection, inside a transaction when given to {@link JdbcDatabase#write}. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
