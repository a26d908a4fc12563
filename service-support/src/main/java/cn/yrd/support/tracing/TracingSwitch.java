package cn.yrd.support.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is on exactly when an OTLP endpoint is configured ({@value #ENDPOINT}, environment {@code
 * YRD_TRACING_OTLP_ENDPOINT}): then spans go there, by {@value #PROTOCOL} ({@code
 * YRD_TRACING_OTLP_PROTOCOL}); otherwise the OpenTelemetry SDK is off, so no exporter ever retries
 * a collector that does not exist. Its ordinal sits below every application.properties and the
 * environment, which can still set the {@code quarkus.otel.*} properties themselves.
 */
public final class TracingSwitch implements ConfigSourceFactory {
  /** The OTLP endpoint spans are exported to, e.g. {@code http://jaeger:4317}. */
  public static final String ENDPOINT = "yrd.tracing.otlp-endpoint";

  /** {@code grpc} (the default, port 4317) or {@code http/protobuf} (port 4318). */
  public static final String PROTOCOL = "yrd.tracing.otlp-protocol";

  static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
  static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
  static final String TRACES_PROTOCOL = "quarkus.otel.exporter.otlp.traces.protocol";

  /**
   * Above the shared defaults (microprofile-config.properties, 100), below application.properties.
   */
  private static final int ORDINAL = 150;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    String endpoint = valueOf(context, ENDPOINT);
    Map<String, String> settings = new HashMap<>();
    settings.put(SDK_DISABLED, Boolean.toString(endpoint == null));
    if (endpoint != null) {
      settings.put(TRACES_ENDPOINT, endpoint);
      String protocol = valueOf(context, PROTOCOL);
      if (protocol != null) {
        settings.put(TRACES_PROTOCOL, protocol);
      }
    }
    return List.of(new PropertiesConfigSource(settings, "yrd-tracing-switch", ORDINAL));
  }

  private static String valueOf(ConfigSourceContext context, String name) {
    ConfigValue value = context.getValue(name);
    return value == null || value.getValue() == null || value.getValue().isBlank()
        ? null
        : value.getValue().strip();
  }
}
