package cn.yrd.e2e.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A container image as {@code docker save} (here {@code podman save}) writes it: its configuration
 * and its layers, read without a container engine running.
 */
public final class ImageArchive {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode config;
  private final List<Path> layers;

  private ImageArchive(JsonNode config, List<Path> layers) {
    this.config = config;
    this.layers = layers;
  }

  /** Saves a locally stored image with {@code tool save} and reads the archive. */
  public static ImageArchive save(String tool, String image, Path dir) {
    try {
      Files.createDirectories(dir);
      Path archive = dir.resolve("image.tar");
      Files.deleteIfExists(archive);
      run(
          dir,
          tool,
          "save",
          "--quiet",
          "--format",
          "docker-archive",
          "-o",
          archive.toString(),
          image);
      Path unpacked = dir.resolve("archive");
      Files.createDirectories(unpacked);
      run(
          dir,
          "tar",
          "--warning=no-unknown-keyword",
          "-xf",
          archive.toString(),
          "-C",
          unpacked.toString());
      JsonNode manifest = JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
      List<Path> layers = new ArrayList<>();
      manifest.path("Layers").forEach(layer -> layers.add(unpacked.resolve(layer.asText())));
      JsonNode config = JSON.readTree(unpacked.resolve(manifest.path("Config").asText()).toFile());
      return new ImageArchive(config.path("config"), layers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> entrypoint() {
    List<String> entrypoint = new ArrayList<>();
    config.path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
    return entrypoint;
  }

  public String workingDir() {
    return config.path("WorkingDir").asText();
  }

  public String user() {
    return config.path("User").asText();
  }

  public Set<String> exposedPorts() {
    Set<String> ports = new TreeSet<>();
    config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    return ports;
  }

  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    config
        .path("Env")
        .forEach(
            entry -> {
              String[] pair = entry.asText().split("=", 2);
              env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
    return env;
  }

  /** The paths each layer holds, top layer last, without a leading {@code ./} or {@code /}. */
  public List<Set<String>> layerContents() {
    List<Set<String>> contents = new ArrayList<>();
    for (Path layer : layers) {
      Set<String> paths = new TreeSet<>();
      for (String line :
          output(layer.getParent(), "tar", "--warning=no-unknown-keyword", "-tf", layer.toString())
              .split("\n")) {
        String path = line.replaceFirst("^\\./", "").replaceFirst("^/", "");
        if (!path.isEmpty()) {
          paths.add(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }
      }
      contents.add(paths);
    }
    return contents;
  }

  /** The image's filesystem: each layer unpacked over the one below, as a runtime does. */
  public void unpackTo(Path rootfs) {
    try {
      remove(rootfs);
      Files.createDirectories(rootfs);
      for (Path layer : layers) {
        run(
            rootfs,
            "tar",
            "--warning=no-unknown-keyword",
            "-xf",
            layer.toString(),
            "-C",
            rootfs.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes an unpacked filesystem (its files keep the image's owners and modes). */
  public static void remove(Path rootfs) {
    if (Files.exists(rootfs)) {
      run(rootfs.getParent(), "rm", "-rf", "--one-file-system", rootfs.toString());
    }
  }

  private static void run(Path dir, String... command) {
    output(dir, command);
  }

  private static String output(Path dir, String... command) {
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
