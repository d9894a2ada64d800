package io.github.duplicityunattended.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a command die with this process: it is started through {@code setpriv --pdeathsig TERM} (util-linux),
 * so the kernel sends it SIGTERM when the thread that started it ends, even when the JVM is killed with SIGKILL
 * (the OOM killer, {@code kill -9}, a container runtime). duplicity then stops cleanly, releases its lock, and
 * the next run resumes. Without setpriv the command runs as it is, and that is said once.
 */
final class DeathSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingExecutor.class);
    private final Optional<Path> setpriv;

    DeathSignal(Optional<Path> setpriv) {
        this.setpriv = setpriv;
    }

    /** setpriv from the usual places, or none. */
    static DeathSignal onThisSystem() {
        Optional<Path> found = Stream.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv")
                .map(Path::of).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            LOG.warn("setpriv (util-linux) not found: a command started now would outlive this program if it were"
                    + " killed with SIGKILL");
        }
        return new DeathSignal(found);
    }

    /** The argv that starts {@code executable} with {@code args} bound to this process's life. */
    List<String> wrap(String executable, List<String> args) {
        List<String> argv = new ArrayList<>();
        setpriv.ifPresent(s -> argv.addAll(List.of(s.toString(), "--pdeathsig", "TERM", "--")));
        argv.add(executable);
        argv.addAll(args);
        return argv;
    }
}
