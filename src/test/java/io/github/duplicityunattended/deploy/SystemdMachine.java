package io.github.duplicityunattended.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Debian machine booted with systemd as its PID 1 by {@code systemd-nspawn}, on an overlay of a
 * cached root filesystem (scripts/systemd-rootfs), so nothing it does reaches the cache. It shares
 * the host's network: its 127.0.0.1 is the host's. Commands run in it as root through
 * {@code nsenter}, as if typed at its console. Closing it powers it off and removes the overlay.
 */
final class SystemdMachine implements AutoCloseable {

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The machine's / as the host sees it: files written here appear in the machine. */
    final Path root;
    private final Path runDir;
    private final Process nspawn;
    private long init;

    private SystemdMachine(Path runDir, Path root, Process nspawn) {
        this.runDir = runDir;
        this.root = root;
        this.nspawn = nspawn;
    }

    /** Boots an overlay of {@code image} in {@code runDir} and waits until systemd has started every unit. */
    static SystemdMachine boot(Path image, Path runDir) throws Exception {
        removeRun(runDir);
        Path upper = Files.createDirectories(runDir.resolve("upper"));
        Path work = Files.createDirectories(runDir.resolve("work"));
        Path merged = Files.createDirectories(runDir.resolve("root"));
        check(DeployTools.run(List.of("mount", "-t", "overlay", "overlay", "-o",
                "lowerdir=" + image + ",upperdir=" + upper + ",workdir=" + work, merged.toString())));
        Process nspawn = new ProcessBuilder("systemd-nspawn", "--quiet", "--directory=" + merged, "--boot",
                "--register=no", "--keep-unit", "--console=read-only")
                .redirectErrorStream(true)
                .redirectOutput(runDir.resolve("console.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        SystemdMachine machine = new SystemdMachine(runDir, merged, nspawn);
        try {
            machine.init = machine.awaitInit();
            // systemctl answers "offline" until systemd has made its socket; then it waits for the boot to end
            Result state = machine.sh("until [ -S /run/systemd/private ]; do sleep 0.1; done\n"
                    + "systemctl is-system-running --wait || systemctl --failed --no-legend", Duration.ofMinutes(2));
            if (!state.output().startsWith("running")) {
                throw new AssertionError("the machine did not come up cleanly: " + state + "\n" + machine.console());
            }
            return machine;
        } catch (Throwable e) {
            machine.close();
            throw e;
        }
    }

    /** Runs a bash script as root in the machine (bash -euo pipefail), with a login's bare environment. */
    Result sh(String script, Duration limit) throws IOException, InterruptedException {
        Path output = Files.createTempFile(runDir, "command", ".out");
        Process process = new ProcessBuilder("nsenter", "--target", Long.toString(init), "--all", "--",
                "env", "-i", "PATH=" + PATH, "HOME=/root", "LANG=C.UTF-8", "USER=root", "SYSTEMD_PAGER=",
                "bash", "-euo", "pipefail", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (!finished) {
            throw new AssertionError("did not finish within " + limit.toSeconds() + " s:\n" + script + "\n" + text);
        }
        return new Result(script, process.exitValue(), text);
    }

    /** Runs a script that must succeed, and returns what it printed. */
    String ok(String script, Duration limit) throws IOException, InterruptedException {
        Result result = sh(script, limit);
        if (result.exitCode() != 0) {
            throw new AssertionError(result.toString());
        }
        return result.output();
    }

    /** What the machine's console showed (boot and shutdown messages). */
    String console() throws IOException {
        return Files.readString(runDir.resolve("console.log"), StandardCharsets.ISO_8859_1);
    }

    /** A command's exit code and output (stdout and stderr together). */
    record Result(String script, int exitCode, String output) {
        @Override
        public String toString() {
            return "$ " + script + "\nexit " + exitCode + ":\n" + output;
        }
    }

    /** The machine's PID 1 as the host numbers it: the nspawn descendant that is PID 1 in its own namespace. */
    private long awaitInit() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && nspawn.isAlive()) {
            Optional<ProcessHandle> init = nspawn.descendants().filter(SystemdMachine::isNamespaceInit).findFirst();
            if (init.isPresent()) {
                return init.get().pid();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("systemd-nspawn started no init (exit "
                + (nspawn.isAlive() ? "none yet" : nspawn.exitValue()) + "):\n" + console());
    }

    private static boolean isNamespaceInit(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .anyMatch(l -> l.startsWith("NSpid:") && l.matches("NSpid:\\s+\\d+\\s+1"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Powers the machine off (SIGTERM makes nspawn ask systemd to), then removes the overlay. */
    @Override
    public void close() throws Exception {
        try {
            nspawn.destroy();
            if (!nspawn.waitFor(90, TimeUnit.SECONDS)) {
                if (init > 0) {
                    ProcessHandle.of(init).ifPresent(ProcessHandle::destroyForcibly);
                }
                nspawn.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            removeRun(runDir);
        }
    }

    /** Unmounts a run's overlay (one left over from an aborted run too) and deletes its files. */
    private static void removeRun(Path runDir) {
        Path merged = runDir.resolve("root");
        if (DeployTools.run(List.of("mountpoint", "-q", merged.toString())).exitCode() == 0
                && DeployTools.run(List.of("umount", merged.toString())).exitCode() != 0) {
            check(DeployTools.run(List.of("umount", "--lazy", merged.toString())));
        }
        check(DeployTools.run(List.of("rm", "-rf", "--one-file-system", runDir.toString())));
    }

    private static void check(DeployTools.Result result) {
        if (result.exitCode() != 0) {
            throw new AssertionError(result.toString());
        }
    }
}
