package cn.yrd.support.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * 空闲调度: Linux's {@code SCHED_IDLE} class, for a thread whose work can wait. Such a thread runs only
 * on a core no other thread wants, and a waking request thread takes the core from it at once;
 * under {@code nice} alone the scheduler usually lets it finish its time slice first (ADR 0012).
 * Threads it starts inherit the class.
 */
public final class IdleScheduling {
  private static final Logger LOG = Logger.getLogger(IdleScheduling.class);
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");

  /** The kernel's number for {@code SCHED_IDLE}, as {@code /proc/.../stat} shows it. */
  public static final int SCHED_IDLE = 5;

  /** The kernel's number for the normal class, {@code SCHED_OTHER}. */
  public static final int SCHED_OTHER = 0;

  private IdleScheduling() {}

  /**
   * Moves the calling thread into {@code SCHED_IDLE} with {@code chrt} (util-linux), which any
   * process may do to its own threads. Returns false, and says why in the log, where it cannot: not
   * Linux, or no {@code chrt}.
   */
  public static boolean applyToCurrentThread() {
    if (!Files.isDirectory(THREAD_SELF)) {
      LOG.info("consumer threads keep the normal scheduling class: no /proc/thread-self here");
      return false;
    }
    try {
      String tid = THREAD_SELF.toRealPath().getFileName().toString();
      Process chrt =
          new ProcessBuilder("chrt", "--idle", "--pid", "0", tid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (chrt.waitFor(10, TimeUnit.SECONDS) && chrt.exitValue() == 0) {
        return true;
      }
      chrt.destroyForcibly();
      LOG.infof(
          "consumer threads keep the normal scheduling class: chrt failed for thread %s", tid);
    } catch (IOException e) {
      LOG.infof("consumer threads keep the normal scheduling class: %s", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** The calling thread's scheduling policy; -1 if unknown. */
  public static int policyOfCurrentThread() {
    return policyOf(THREAD_SELF);
  }

  /** The scheduling policies of this process's threads whose names start with {@code prefix}. */
  public static List<Integer> policiesOfThreadsNamed(String prefix) {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.filter(t -> nameOf(t).startsWith(prefix)).map(IdleScheduling::policyOf).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Field 41 of a thread's {@code stat}; -1 if unknown. */
  private static int policyOf(Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      // Fields after the command name, which may hold spaces, start with field 3 (the state).
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(fields[41 - 3]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String nameOf(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
