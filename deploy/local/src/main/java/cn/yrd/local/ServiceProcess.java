package cn.yrd.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the federation running as its own JVM, its output in a log file. */
final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  // Writing an archive takes several CPU-seconds; killed half-way, it is wasted and written again.
  private static final Duration ARCHIVING_STOP_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final Launch launch;
  private final Duration stopTimeout;
  private long logLengthAtStop = -1;
  private FileTime stopRequestedAt;

  /** What it takes to start the same service again. */
  private record Launch(Path jar, Map<String, String> env, Path logs, Path tmp) {}

  private ServiceProcess(
      String name, int port, Process process, Path log, Launch launch, Duration stopTimeout) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
    this.launch = launch;
    this.stopTimeout = stopTimeout;
  }

  static ServiceProcess start(
      String name, Path jar, int port, Map<String, String> env, Path logs, Path tmp) {
    return start(name, jar, port, env, logs, tmp, false);
  }

  /** {@code appendLog}: a restart continues the log of the run before it. */
  private static ServiceProcess start(
      String name,
      Path jar,
      int port,
      Map<String, String> env,
      Path logs,
      Path tmp,
      boolean appendLog) {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build first (./mvnw -B install -DskipTests)");
    }
    try {
      Files.createDirectories(logs);
      Files.createDirectories(tmp);
      Path log = logs.resolve(name + ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      // A service's metaspace settles near 36 MB; the default 21 MB first threshold made every
      // service stop for full collections while it started, and recognition again minutes later.
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xmx384m",
                  "-XX:+UseSerialGC",
                  "-XX:MetaspaceSize=64m",
                  "-Djava.io.tmpdir=" + tmp));
      // Asked before the options: with an archive to write, a stop takes longer.
      boolean archiving = ClassDataSharing.writesArchive(jar, name);
      command.addAll(ClassDataSharing.options(jar, name));
      command.addAll(List.of("-jar", jar.toString()));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  appendLog
                      ? ProcessBuilder.Redirect.appendTo(log.toFile())
                      : ProcessBuilder.Redirect.to(log.toFile()));
      builder.environment().putAll(env);
      builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
      builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
      return new ServiceProcess(
          name,
          port,
          builder.start(),
          log,
          new Launch(jar, Map.copyOf(env), logs, tmp),
          archiving ? ARCHIVING_STOP_TIMEOUT : STOP_TIMEOUT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Waits until readiness answers 200 (database and broker reachable). */
  void awaitReady(Duration timeout) {
    String path = "/q/health/ready";
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      sleep();
    }
    throw new IllegalStateException(
        name + " not ready after " + timeout.toSeconds() + " s; see " + log);
  }

  /** The same service started again, on the same port (after {@link #close} or {@link #kill}). */
  ServiceProcess startAgain() {
    return start(name, launch.jar(), port, launch.env(), launch.logs(), launch.tmp(), true);
  }

  /**
   * SIGTERM, without waiting: the service shuts down by itself (see {@link #applicationStopped}).
   */
  void requestStop() {
    stopRequestedAt = FileTime.from(Instant.now());
    runNormally();
    try {
      logLengthAtStop = Files.size(log);
    } catch (IOException e) {
      logLengthAtStop = 0;
    }
    process.destroy();
  }

  /**
   * Whether the service has exited, or its application has shut down since {@link #requestStop} and
   * only its JVM's class-data archive is still being written: Quarkus logged "… stopped in …", or
   * the archive has been written to since (the log can be closed before that line).
   */
  boolean applicationStopped() {
    if (!process.isAlive()) {
      return true;
    }
    if (logLengthAtStop < 0) {
      return false;
    }
    return writingArchive() || loggedStop();
  }

  private boolean writingArchive() {
    try {
      Path archive = ClassDataSharing.archive(launch.jar(), name);
      return Files.exists(archive)
          && Files.getLastModifiedTime(archive).compareTo(stopRequestedAt) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean loggedStop() {
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      channel.position(logLengthAtStop);
      ByteBuffer tail =
          ByteBuffer.allocate((int) Math.min(channel.size() - logLengthAtStop, 1 << 20));
      channel.read(tail);
      return new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8)
          .contains(" stopped in ");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Moves the JVM's threads to the idle scheduling class and the lowest priority, for what it still
   * does after its application stopped: writing its class-data archive. Where util-linux's chrt and
   * renice are missing, nothing changes.
   */
  void yieldCpu() {
    run("chrt", "-a", "-i", "-p", "0", Long.toString(process.pid()));
    run("renice", "-n", "19", "-p", Long.toString(process.pid()));
  }

  /**
   * Moves every thread, the consumers that run in SCHED_IDLE too (ADR 0012), to the normal class: a
   * stopping service must not wait for a core behind other services' archive writing.
   */
  private void runNormally() {
    run("chrt", "-a", "-o", "-p", "0", Long.toString(process.pid()));
  }

  private static void run(String... command) {
    try {
      new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(2, TimeUnit.SECONDS);
    } catch (IOException e) {
      // Not on this machine: scheduling stays as it is.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** kill -9, not waiting for the process to be gone ({@link #awaitExit}). */
  void killWithoutWaiting() {
    process.destroyForcibly();
  }

  void awaitExit() {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** kill -9: the service gets no chance to finish anything. */
  void kill() {
    killWithoutWaiting();
    awaitExit();
  }

  /**
   * Asks the service to stop (SIGTERM) unless {@link #requestStop} did, then kills it if it has not
   * stopped in 15 s, or in 60 s when it writes its class-data-sharing archive as it exits.
   */
  @Override
  public void close() {
    if (logLengthAtStop < 0) {
      process.destroy();
    }
    try {
      if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
