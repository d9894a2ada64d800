package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process facts read from /proc. */
public final class Processes {

    private Processes() {
    }

    /**
     * True while the process exists and is not a zombie. (Where PID 1 does not reap orphans, a killed
     * orphan stays a zombie, which ProcessHandle still reports as alive.)
     */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
