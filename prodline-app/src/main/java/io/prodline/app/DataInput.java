package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.data.source.jdbc.JdbcSource;

/**
 * A location named on the command line (a file, directory or glob, a {@code jdbc:} URL, or a statistics JSON
 * file) with the SQL query a JDBC location needs, and the option that gives that query, so an error can name
 * the option to fix.
 *
 * @param location as typed
 * @param query the SQL query, or null
 * @param queryOption the option giving the query, e.g. {@code --query}
 */
record DataInput(String location, String query, String queryOption) {
  DataInput {
    boolean jdbc = location.startsWith("jdbc:");
    if (jdbc && query == null) {
      throw new ProdlineException(JdbcSource.withoutParameters(location) + ": a jdbc: location needs a SQL query; "
          + "give it with " + queryOption + " \"SELECT ...\"");
    }
    if (!jdbc && query != null) {
      throw new ProdlineException(queryOption + " applies to a jdbc: location only, not to " + location);
    }
  }

  /** The location as it may be printed: a JDBC URL without its parameters, which may hold a password. */
  String displayName() {
    return location.startsWith("jdbc:") ? JdbcSource.withoutParameters(location) : location;
  }
}
