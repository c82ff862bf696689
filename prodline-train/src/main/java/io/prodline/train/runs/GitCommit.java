package io.prodline.train.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The code version a run came from: the commit checked out in {@code directory}, when it is a git work tree. */
public final class GitCommit {
  private GitCommit() {}

  /** The full commit id, or null when there is no git, no work tree or no commit: a run is recorded anyway. */
  public static String of(Path directory) {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(directory.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(10, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return null;
      }
      return git.exitValue() == 0 && out.matches("[0-9a-f]{40,64}") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
