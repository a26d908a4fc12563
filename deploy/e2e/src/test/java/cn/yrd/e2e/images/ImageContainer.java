package cn.yrd.e2e.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An unpacked image run as a container runtime would run it, without one: its own filesystem root,
 * process-id namespace, {@code /proc} and {@code /dev}, its user, working directory, environment
 * and entrypoint; the host's network, as with {@code --network host}. Files are placed where a
 * deployment mounts them. Needs root (namespaces, chroot).
 */
public final class ImageContainer implements AutoCloseable {
  private final Process process;

  private ImageContainer(Process process) {
    this.process = process;
  }

  /**
   * @param environment set over the image's own, as {@code -e} does
   * @param files host file to path in the container, readable by the image's user
   */
  public static ImageContainer start(
      ImageArchive image,
      Path rootfs,
      Map<String, String> environment,
      Map<Path, String> files,
      Path log) {
    try {
      // As a runtime does: the container's name resolves (the host's, on the host's network).
      Files.writeString(
          rootfs.resolve("etc/hosts"),
          "127.0.0.1 localhost\n::1 localhost\n127.0.1.1 "
              + InetAddress.getLocalHost().getHostName()
              + "\n");
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Path target = rootfs.resolve(file.getValue().substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(file.getKey(), target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
      }
      String user = image.user().isEmpty() ? "0" : image.user();
      String root = rootfs.toAbsolutePath().toString();
      // Own mount namespace for /proc and /dev; the JVM becomes the namespace's first process.
      String setup =
          "mount -t proc proc \"$1/proc\" && mount --rbind /dev \"$1/dev\" && exec chroot"
              + " --userspec=\"$2\" \"$1\" /bin/sh -c 'cd \"$0\" && exec \"$@\"' \"$3\" \"${@:4}\"";
      List<String> command =
          new ArrayList<>(
              List.of(
                  "unshare", "--mount", "--pid", "--fork", "--kill-child", "bash", "-c", setup));
      command.addAll(List.of("container", root, user.contains(":") ? user : user + ":" + user));
      command.add(image.workingDir().isEmpty() ? "/" : image.workingDir());
      command.addAll(image.entrypoint());
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().clear();
      builder
          .environment()
          .put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
      builder.environment().putAll(image.environment());
      builder.environment().putAll(environment);
      Files.createDirectories(log.getParent());
      return new ImageContainer(
          builder.redirectErrorStream(true).redirectOutput(log.toFile()).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the service as a runtime does: SIGTERM to the process inside, SIGKILL if it is still
   * running after 30 s. The signal goes to the service itself, since {@code unshare} ignores it and
   * the service, once it has taken the image's user, no longer dies with its parent.
   */
  @Override
  public void close() {
    List<ProcessHandle> inside = process.descendants().toList();
    inside.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try {
      while (inside.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      inside.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
