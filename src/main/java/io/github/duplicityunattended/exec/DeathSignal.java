package io.github.duplicityunattended.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a command die with this process: it is started through {@code setpriv --pdeathsig TERM} (util-linux),
 * so the kernel sends it SIGTERM when the thread that started it ends, even when the JVM is killed with SIGKILL
 * (the OOM killer, {@code kill -9}, a container runtime). duplicity then stops cleanly, releases its lock, and
 * the next run resumes. Without setpriv, or where it cannot run (a sandbox that forbids what it does at start,
 * as the shipped units' capability settings do), the command runs as it is, and that is said once: under
 * systemd the service's control group ends every process of the service with it anyway.
 */
final class DeathSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingExecutor.class);
    private final Optional<Path> setpriv;
    private final Predicate<Path> works;
    private Boolean usable;

    /** With this setpriv, taken to work. */
    DeathSignal(Optional<Path> setpriv) {
        this(setpriv, path -> true);
    }

    private DeathSignal(Optional<Path> setpriv, Predicate<Path> works) {
        this.setpriv = setpriv;
        this.works = works;
    }

    /** setpriv from the usual places, or none; tried once, before the first command, where it is found. */
    static DeathSignal onThisSystem() {
        Optional<Path> found = Stream.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv")
                .map(Path::of).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            LOG.warn("setpriv (util-linux) not found: a command started now would outlive this program if it were"
                    + " killed with SIGKILL");
        }
        return new DeathSignal(found, DeathSignal::runs);
    }

    /** This setpriv, tried once before the first command. */
    static DeathSignal tried(Path setpriv) {
        return new DeathSignal(Optional.of(setpriv), DeathSignal::runs);
    }

    /** The argv that starts {@code executable} with {@code args} bound to this process's life. */
    List<String> wrap(String executable, List<String> args) {
        List<String> argv = new ArrayList<>();
        setpriv.filter(s -> usable(s)).ifPresent(s -> argv.addAll(List.of(s.toString(), "--pdeathsig", "TERM", "--")));
        argv.add(executable);
        argv.addAll(args);
        return argv;
    }

    private synchronized boolean usable(Path path) {
        if (usable == null) {
            usable = works.test(path);
        }
        return usable;
    }

    /** Whether {@code setpriv --pdeathsig TERM -- true} succeeds here; says once why not. */
    private static boolean runs(Path setpriv) {
        try {
            Process p = new ProcessBuilder(setpriv.toString(), "--pdeathsig", "TERM", "--", "true")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return said("it did not answer within 10 s");
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 || said(said.isEmpty() ? "exit " + p.exitValue() : said.lines().findFirst()
                    .orElseThrow());
        } catch (IOException e) {
            return said(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean said(String reason) {
        boolean systemd = System.getenv("INVOCATION_ID") != null;
        String text = "setpriv cannot bind commands to this program's life here (" + reason + "): "
                + (systemd ? "the service's control group ends them with it" : "a command started now would"
                        + " outlive this program if it were killed with SIGKILL");
        if (systemd) {
            LOG.info(text);
        } else {
            LOG.warn(text);
        }
        return false;
    }
}
