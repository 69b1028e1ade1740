package org.opsbook.diag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words a message can end with. Java's file exceptions carry the
 * path as their whole message ({@code /tmp/ro/x}) and the reason in a separate field, or only in
 * their type; a reader needs both.
 */
public final class IoReason {
  private IoReason() {}

  /** The reason alone: "no such file", "permission denied", "Is a directory". */
  public static String of(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The path, when the exception names one, and the reason: "/tmp/ro/x: permission denied". */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + of(e);
    }
    return of(e);
  }

  /** {@link #describe} of the I/O failure inside an unchecked wrapper, or of the exception itself. */
  public static String describe(Exception e) {
    if (e instanceof UncheckedIOException u) {
      return describe(u.getCause());
    }
    return e instanceof IOException io ? describe(io) : String.valueOf(e.getMessage());
  }
}
