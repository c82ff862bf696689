package io.prodline.core.fs;

import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure in a user's words: the JDK's file-system exceptions carry the file as their whole message
 * ({@code NoSuchFileException: models.yaml}) and say what went wrong only in their class name, which a user should
 * not have to decode.
 */
public final class IoProblems {
  private IoProblems() {}

  /** What went wrong, naming the file when the exception does, e.g. {@code models.yaml does not exist}. */
  public static String of(Exception e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String file = f.getFile();
      String reason = f.getReason() != null ? ": " + f.getReason() : "";
      if (e instanceof NoSuchFileException) {
        return file + " does not exist" + reason;
      }
      if (e instanceof FileAlreadyExistsException) {
        return file + " exists already" + (reason.isEmpty() ? " and is in the way" : reason);
      }
      if (e instanceof AccessDeniedException) {
        return file + ": permission denied" + (reason.isEmpty() ? "" : " (" + f.getReason() + ")");
      }
      if (e instanceof NotDirectoryException) {
        return file + " is not a directory";
      }
      return file + (reason.isEmpty() ? ": " + e.getClass().getSimpleName() : reason);
    }
    if (e instanceof UnresolvedAddressException) {
      return "the address is none this machine has or can look up";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
