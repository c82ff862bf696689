package io.prodline.bench.metadata;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Finds the lineage start points of a store filled by an earlier {@link MetadataBench} run, so the queries can
 * be measured again (after a change to them) without filling the store anew, which takes minutes. The store's
 * API has no lookup by URI, so this reads the artifact table directly.
 */
final class StoredRuns {
  private StoredRuns() {}

  /** Per run: the main output of its first step and of its last step. */
  static long[][] mains(String url, int runs) throws SQLException {
    long[][] mains = new long[runs][2];
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement("SELECT id FROM artifact WHERE uri = ?")) {
      for (int run = 0; run < runs; run++) {
        mains[run][0] = id(s, Workload.uri(run, 0, 0));
        mains[run][1] = id(s, Workload.uri(run, Workload.STEPS - 1, 0));
      }
    }
    return mains;
  }

  private static long id(PreparedStatement s, String uri) throws SQLException {
    s.setString(1, uri);
    try (ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no artifact at " + uri + "; fill the store first (without reuse)");
      }
      return rs.getLong(1);
    }
  }
}
