package cn.yrd.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server on which every service gets a database of its own.
 *
 * @param hostAndPort e.g. {@code 127.0.0.1:15432}
 * @param adminDatabase a database that exists, used to create the others
 * @param user a role allowed to create databases
 * @param password that role's password (empty for trust authentication)
 */
public record PostgresServer(
    String hostAndPort, String adminDatabase, String user, String password) {
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Pattern JDBC_URL =
      Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]+)(\\?.*)?");

  /** Reads {@code jdbc:postgresql://host:port/database}. */
  public static PostgresServer fromJdbcUrl(String jdbcUrl, String user, String password) {
    var matcher = JDBC_URL.matcher(jdbcUrl == null ? "" : jdbcUrl);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected jdbc:postgresql://host:port/database, got '" + jdbcUrl + "'");
    }
    return new PostgresServer(matcher.group(1), matcher.group(2), user, password);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + hostAndPort + "/" + database;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, password);
  }

  /** Creates the database unless it exists. */
  public void ensureDatabase(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection admin = connect(adminDatabase);
        PreparedStatement exists =
            admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = admin.createStatement()) {
        create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
      }
    } catch (SQLException e) {
      // Another process may have created it between the check and the CREATE.
      if (!"42P04".equals(e.getSQLState())) {
        throw new IllegalStateException("cannot create database " + database, e);
      }
    }
  }
}
