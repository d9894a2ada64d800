package io.github.duplicityunattended.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * One backup run at a time per cache dir, across processes: an OS file lock that the kernel drops if
 * the holder dies, so a crash never leaves a stale lock. The holder's pid is written for the message.
 */
public final class RunLock {

    private static final Duration POLL = Duration.ofMillis(500);
    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    public RunLock(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Takes the lock, waiting up to {@code wait}; throws {@link RunRefusedException} if it stays held. */
    public synchronized void acquire(Duration wait) throws RunRefusedException {
        Instant deadline = Instant.now().plus(wait);
        try {
            Files.createDirectories(file.getParent());
            while (true) {
                if (tryLock()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new RunRefusedException("another backup run is in progress (" + holder()
                            + "lock " + file + "); gave up after waiting " + wait.toMinutes() + " min");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            throw new RunRefusedException("cannot take the run lock " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunRefusedException("interrupted while waiting for the run lock " + file);
        }
    }

    private boolean tryLock() throws IOException {
        if (lock != null) {
            return false;
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            return false;
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel = ch;
        lock = l;
        return true;
    }

    private String holder() {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "" : "pid " + pid + ", ";
        } catch (IOException e) {
            return "";
        }
    }

    public synchronized void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        } finally {
            lock = null;
            channel = null;
        }
    }
}
