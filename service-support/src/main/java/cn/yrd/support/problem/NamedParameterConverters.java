package cn.yrd.support.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads query and path values of the types the APIs take, and answers a value that is not one with
 * a 400 naming the parameter (the JAX-RS default is a bare 404, as if the endpoint did not exist).
 */
@Provider
public class NamedParameterConverters implements ParamConverterProvider {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = name(annotations);
    if (name == null) {
      return null;
    }
    if (rawType.isEnum()) {
      String expected =
          "one of "
              + Arrays.stream(rawType.getEnumConstants())
                  .map(c -> ((Enum<?>) c).name())
                  .collect(Collectors.joining(", "));
      return converter(name, expected, v -> (T) Enum.valueOf((Class) rawType, v));
    }
    if (rawType == Integer.class || rawType == int.class) {
      return converter(name, "a whole number", v -> (T) Integer.valueOf(v));
    }
    if (rawType == Long.class || rawType == long.class) {
      return converter(name, "a whole number", v -> (T) Long.valueOf(v));
    }
    if (rawType == UUID.class) {
      return converter(name, "a UUID", v -> (T) UUID.fromString(v));
    }
    if (rawType == LocalDate.class) {
      return converter(name, "a date, YYYY-MM-DD", v -> (T) LocalDate.parse(v));
    }
    if (rawType == OffsetDateTime.class) {
      return converter(
          name,
          "a time with its offset, e.g. 2026-12-06T10:00:00Z",
          v -> (T) OffsetDateTime.parse(v));
    }
    return null;
  }

  private static <T> ParamConverter<T> converter(
      String name, String expected, Function<String, T> parse) {
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        if (value == null) {
          return null;
        }
        try {
          return parse.apply(value.strip());
        } catch (RuntimeException e) {
          throw new BadParameterException(name, value, expected);
        }
      }

      @Override
      public String toString(T value) {
        return value == null ? null : value.toString();
      }
    };
  }

  private static String name(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof QueryParam q) {
        return q.value();
      }
      if (a instanceof PathParam p) {
        return p.value();
      }
    }
    return null;
  }
}
