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
 * Runs a program so that file permissions hold for it even when the tests run as root (as they do in CI):
 * through {@code setpriv}, with the capabilities that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) out
 * of its bounding set. A process without them is bound by permissions anyway and needs no prefix. A test of an
 * unreadable or unwritable file runs this way instead of being skipped as root.
 */
public final class Unprivileged {

    private static final long DAC_OVERRIDE = 1L << 1;
    private static final long DAC_READ_SEARCH = 1L << 2;
    private static final String RESULT = "--- result ---";

    private Unprivileged() {
    }

    /** The command to put before a program's argv. */
    public static List<String> prefix() {
        if (!hasFileCapabilities()) {
            return List.of();
        }
        return List.of("setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--");
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
     * classpath) behind {@link #prefix()}, and returns what it returned, as text.
     */
    public static String call(Class<?> owner, String method, String... args) throws Exception {
        List<String> argv = new ArrayList<>(prefix());
        argv.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Unprivileged.class.getName(), owner.getName(), method));
        argv.addAll(List.of(args));
        Command.Result r = Command.run(argv, Map.of(), null, Duration.ofMinutes(2));
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
