package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a command without the capabilities that let root read and write every file (CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH, dropped with util-linux's setpriv), so file permissions hold for it as for any user. CI
 * runs as root: a test of an unreadable or unwritable file runs there this way instead of being skipped. A user
 * without those capabilities runs the command as it is.
 */
public final class Unprivileged {

    static final List<String> SETPRIV = List.of("setpriv", "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search");
    private static final long DAC_OVERRIDE = 1L << 1;
    private static final long DAC_READ_SEARCH = 1L << 2;
    private static final String RESULT = "--- result ---";

    private Unprivileged() {
    }

    /** {@code command}, behind setpriv when this process has either capability. */
    public static List<String> argv(List<String> command) {
        List<String> argv = new ArrayList<>(hasFileCapabilities() ? SETPRIV : List.of());
        argv.addAll(command);
        return argv;
    }

    /** Whether this process may read and write files whatever their permissions say. */
    static boolean hasFileCapabilities() {
        try {
            String effective = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("CapEff:")).findFirst().orElseThrow().substring(7).strip();
            return (Long.parseUnsignedLong(effective, 16) & (DAC_OVERRIDE | DAC_READ_SEARCH)) != 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read this process's capabilities", e);
        }
    }

    /**
     * Calls {@code owner.method(args...)}, a static method taking strings, in a JVM of its own (this test
     * classpath) without the capabilities, and returns what it returned, as text.
     */
    public static String call(Class<?> owner, String method, String... args) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Unprivileged.class.getName(), owner.getName(), method));
        java.addAll(List.of(args));
        Command.Result r = Command.run(argv(java), Map.of(), null, Duration.ofMinutes(2));
        int start = r.output().indexOf(RESULT + "\n");
        if (r.exitCode() != 0 || start < 0) {
            throw new AssertionError(owner.getSimpleName() + "." + method + " failed without privileges: " + r);
        }
        return r.output().substring(start + RESULT.length() + 1).stripTrailing();
    }

    /** The child JVM of {@link #call}: class, method, then the method's arguments. */
    public static void main(String[] args) throws Exception {
        Class<?>[] types = new Class<?>[args.length - 2];
        Arrays.fill(types, String.class);
        Method method = Class.forName(args[0]).getDeclaredMethod(args[1], types);
        method.setAccessible(true);
        Object result = method.invoke(null, (Object[]) Arrays.copyOfRange(args, 2, args.length));
        System.out.println(RESULT);
        System.out.println(result);
    }
}
