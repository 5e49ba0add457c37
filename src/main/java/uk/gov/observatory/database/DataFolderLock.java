package uk.gov.observatory.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Who uses a data folder: a kernel lock on {@code <data-dir>/postgres.lock}, held by the running
 * Observatory for as long as its embedded PostgreSQL runs. The kernel drops it when that JVM ends,
 * however it ends ({@code kill -9} included), so a lock that cannot be taken means a live
 * Observatory, and a PostgreSQL left running without the lock was left by one that has gone.
 */
final class DataFolderLock implements Closeable {

  static final String FILE_NAME = "postgres.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code dataDir}, or says clearly that another running Observatory holds it.
   */
  static DataFolderLock take(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this same JVM: another application context on the same folder
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new DataFolderInUseException(
          "The data folder "
              + dataDir
              + " is in use by another Observatory that is running"
              + (holder.isEmpty() ? "" : " (process " + holder + ")")
              + ": stop that one first, or choose another folder with --data-dir.");
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0);
    return new DataFolderLock(channel, lock);
  }

  /** Whether a lock file (an earlier version's, {@code epg-lock}) is held by a live process. */
  static boolean heldByAnother(Path lockFile) {
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock l = c.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String text =
          new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
      return text.matches("[0-9]{1,10}") ? text : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  /** The data folder is in use by a live Observatory. */
  static final class DataFolderInUseException extends IllegalStateException {
    DataFolderInUseException(String message) {
      super(message);
    }
  }
}
