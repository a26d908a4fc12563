package cn.yrd.support.jdbc;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 行映射: a JPA entity's row as plain JDBC writes and reads it. The columns come from the entity's own
 * mapping (its persistent fields, named by {@code @Column} or in snake case as Hibernate names
 * them), so a path that uses JDBC for speed and Hibernate, which reads and updates the same rows,
 * can never disagree about a column: a field added to the entity is in both at once.
 */
public final class EntityRow<T> {
  private final String table;
  private final List<Mapped> columns;

  private record Mapped(String name, Field field, String placeholder) {}

  private EntityRow(String table, List<Mapped> columns) {
    this.table = table;
    this.columns = columns;
  }

  /** The insertable columns of an entity: every persistent field but generated keys. */
  public static <T> EntityRow<T> of(Class<T> entity) {
    Table table = entity.getAnnotation(Table.class);
    String tableName =
        table != null && !table.name().isEmpty() ? table.name() : snake(entity.getSimpleName());
    List<Mapped> columns = new ArrayList<>();
    for (Field field : entity.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      // Hibernate's bytecode enhancement adds fields of its own, all with a '$' in their names.
      if (Modifier.isStatic(modifiers)
          || Modifier.isTransient(modifiers)
          || field.isSynthetic()
          || field.getName().contains("$")
          || field.isAnnotationPresent(Transient.class)
          || field.isAnnotationPresent(GeneratedValue.class)) {
        continue;
      }
      Column column = field.getAnnotation(Column.class);
      if (column != null && !column.insertable()) {
        continue;
      }
      String name =
          column != null && !column.name().isEmpty() ? column.name() : snake(field.getName());
      // Panache's enhancement makes public entity fields protected behind generated accessors.
      field.setAccessible(true);
      columns.add(new Mapped(name, field, isJson(field) ? "?::jsonb" : "?"));
    }
    return new EntityRow<>(tableName, List.copyOf(columns));
  }

  /** {@code INSERT INTO table (columns) VALUES (?, …)}: one row. */
  public String insert() {
    return "INSERT INTO "
        + table
        + " ("
        + columns.stream().map(Mapped::name).collect(Collectors.joining(", "))
        + ") VALUES "
        + tuple();
  }

  /** This row without the named columns (to update by a key, say). */
  public EntityRow<T> without(String... names) {
    List<String> left = List.of(names);
    return new EntityRow<>(table, columns.stream().filter(c -> !left.contains(c.name())).toList());
  }

  /** Only the named columns, in the entity's order. */
  public EntityRow<T> only(String... names) {
    List<String> kept = List.of(names);
    return new EntityRow<>(table, columns.stream().filter(c -> kept.contains(c.name())).toList());
  }

  /**
   * {@code UPDATE table SET column = ?, …}: every column of this row; the caller adds the WHERE.
   */
  public String update() {
    return "UPDATE "
        + table
        + " SET "
        + columns.stream()
            .map(c -> c.name() + " = " + c.placeholder())
            .collect(Collectors.joining(", "));
  }

  /** The column names, comma-separated, for a {@code SELECT} that {@link #read} reads. */
  public String columns() {
    return columns.stream().map(Mapped::name).collect(Collectors.joining(", "));
  }

  /**
   * Sets the entity's fields from the current row of a {@code SELECT} of {@link #columns()} (from
   * result column 1); returns {@code into}.
   */
  public T read(ResultSet row, T into) throws SQLException {
    int i = 1;
    for (Mapped column : columns) {
      Class<?> type = column.field().getType();
      Object value = row.getObject(i++, boxed(type));
      if (value != null || !type.isPrimitive()) {
        write(column.field(), into, fieldValue(type, value));
      }
    }
    return into;
  }

  /** The placeholders of one row, {@code (?, …)}, to repeat in a multi-row VALUES list. */
  public String tuple() {
    return columns.stream().map(Mapped::placeholder).collect(Collectors.joining(",", "(", ")"));
  }

  /** Binds the entity's values from parameter {@code first} on; returns the next free parameter. */
  public int bind(PreparedStatement statement, int first, T row) throws SQLException {
    int i = first;
    for (Mapped column : columns) {
      statement.setObject(i++, jdbcValue(read(column.field(), row)));
    }
    return i;
  }

  private static Object read(Field field, Object row) {
    try {
      return field.get(row);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  private static void write(Field field, Object row, Object value) {
    try {
      field.set(row, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot write " + field, e);
    }
  }

  /** The class to ask the driver for: primitives boxed, enums read as their names. */
  private static Class<?> boxed(Class<?> type) {
    if (type.isEnum()) {
      return String.class;
    }
    if (!type.isPrimitive()) {
      return type;
    }
    return MethodType.methodType(type).wrap().returnType();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object fieldValue(Class<?> type, Object value) {
    return type.isEnum() && value != null ? Enum.valueOf((Class) type, (String) value) : value;
  }

  /** Enums are stored by name ({@code @Enumerated(STRING)} throughout). */
  private static Object jdbcValue(Object value) {
    return value instanceof Enum<?> constant ? constant.name() : value;
  }

  private static boolean isJson(Field field) {
    JdbcTypeCode type = field.getAnnotation(JdbcTypeCode.class);
    return type != null && type.value() == SqlTypes.JSON;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
