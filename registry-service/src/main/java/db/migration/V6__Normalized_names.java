package db.migration;

import cn.yrd.contracts.NameNormalizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * R-NAME-01: one organization per normalized name in a province's register (NFKC, full-width to
 * half-width, whitespace and punctuation removed, traditional to simplified). The normalization is
 * Java's ({@link NameNormalizer}, shared with recognition), so the existing rows are normalized
 * here rather than in SQL. A register that already holds two names that normalize alike stops the
 * migration with both named: a registrar must rename one before this version can start.
 */
public class V6__Normalized_names extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("ALTER TABLE organization ADD COLUMN normalized_name text");
    }
    Map<String, String> holderOfNormalized = new LinkedHashMap<>();
    List<String> clashes = new ArrayList<>();
    try (Statement read = connection.createStatement();
        ResultSet rows = read.executeQuery("SELECT uscc, name FROM organization ORDER BY uscc");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE organization SET normalized_name = ? WHERE uscc = ?")) {
      int pending = 0;
      while (rows.next()) {
        String normalized = NameNormalizer.normalize(rows.getString(2));
        String earlier = holderOfNormalized.putIfAbsent(normalized, rows.getString(1));
        if (earlier != null) {
          clashes.add(earlier + " and " + rows.getString(1) + " (" + normalized + ")");
        }
        update.setString(1, normalized);
        update.setString(2, rows.getString(1));
        update.addBatch();
        if (++pending == 1000) {
          update.executeBatch();
          pending = 0;
        }
      }
      update.executeBatch();
    }
    if (!clashes.isEmpty()) {
      throw new IllegalStateException(
          "R-NAME-01: these organizations' names normalize alike; rename one of each pair first: "
              + String.join("; ", clashes));
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("ALTER TABLE organization ALTER COLUMN normalized_name SET NOT NULL");
      ddl.execute("DROP INDEX organization_name");
      ddl.execute("CREATE UNIQUE INDEX organization_name ON organization (normalized_name)");
    }
  }
}
