package io.github.duplicityunattended.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and every process it started (duplicity runs gpg), politely first: SIGTERM, then
 * SIGKILL for whatever is still alive after the grace period.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Ends several processes with their children at once: all get SIGTERM together, and one grace period runs for
     * all of them, so stopping N commands takes no longer than stopping one.
     */
    static void terminateAll(Collection<Process> processes, Duration grace) {
        List<ProcessHandle> children = new ArrayList<>();
        for (Process p : processes) {
            children.addAll(p.descendants().toList());
            p.destroy();
        }
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (Process p : processes) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            processes.forEach(Process::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void terminate(Process process, Duration grace) {
        terminateAll(List.of(process), grace);
    }
}
