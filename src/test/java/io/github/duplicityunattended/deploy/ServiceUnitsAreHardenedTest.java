package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/**
 * Both services read every file to back up and can write nothing but their cache, state and
 * private /tmp; {@code systemd-analyze security} agrees (the original's root unit scores 9.6).
 */
@UsesInstalledTools
class ServiceUnitsAreHardenedTest {

    /** Runs a test once for the daemon and once for the once-service. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"duplicity-unattended.service", "duplicity-unattended-once.service"})
    @interface ForEachService {
    }

    static final double MAX_EXPOSURE = 2.0;
    static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+(?:\\.\\d+)?)");

    @ForEachService
    void exposureIsAtMostTwo(String service) {
        DeployTools.Result result = DeployTools.run(List.of(DeployTools.onPath("systemd-analyze"), "security",
                "--offline=true", "--no-pager", DeployTools.file("systemd/" + service).toString()));
        assertEquals(0, result.exitCode(), result.toString());
        Matcher m = EXPOSURE.matcher(result.output());
        assertTrue(m.find(), "no exposure level in:\n" + result);
        double exposure = Double.parseDouble(m.group(1));
        assertTrue(exposure <= MAX_EXPOSURE, service + " exposure " + exposure + " > " + MAX_EXPOSURE + ":\n" + result);
    }

    @ForEachService
    void readsEverythingAsItsOwnUserWithOnlyDacReadSearch(String service) {
        UnitFile unit = UnitFile.read("systemd/" + service);
        assertFalse(Set.of("root", "0").contains(unit.get("User")), "never root");
        assertEquals("CAP_DAC_READ_SEARCH", unit.get("CapabilityBoundingSet"));
        assertEquals("CAP_DAC_READ_SEARCH", unit.get("AmbientCapabilities"), "duplicity, a child, needs it too");
        assertEquals("yes", unit.get("NoNewPrivileges"));
        assertEquals("read-only", unit.get("ProtectHome"), "/home and /root are backed up");
    }

    @ForEachService
    void duplicitysAccessCheckSeesTheCapabilityToo(String service) {
        UnitFile unit = UnitFile.read("systemd/" + service);
        assertTrue(List.of(unit.get("SecureBits").split(" ")).contains("no-setuid-fixup"),
                "without no-setuid-fixup access(2) ignores CAP_DAC_READ_SEARCH for a non-root user, and"
                        + " duplicity skips every file only root can read: " + unit.get("SecureBits"));
    }

    @ForEachService
    void writesOnlyItsCacheStateAndTmp(String service) {
        UnitFile unit = UnitFile.read("systemd/" + service);
        assertEquals("strict", unit.get("ProtectSystem"));
        for (String widening : List.of("ReadWritePaths", "BindPaths", "ReadWriteDirectories")) {
            assertTrue(unit.all(widening).isEmpty(), widening + "= would make more than cache and state writable");
        }
        assertEquals("yes", unit.get("PrivateTmp"));
        assertEquals("0077", unit.get("UMask"));
        assertEquals("no", unit.get("MemoryDenyWriteExecute"), "the JVM's JIT needs W+X memory");
    }

    @ForEachService
    void pointsDuplicityAndGnupgIntoTheWritableDirs(String service) {
        UnitFile unit = UnitFile.read("systemd/" + service);
        String cache = "/var/cache/" + unit.get("CacheDirectory");
        assertEquals(cache, unit.environment("XDG_CACHE_HOME").orElseThrow(),
                "the default archive_dir, $XDG_CACHE_HOME/duplicity, must land in the CacheDirectory");
        List<String> stateDirs = List.of(unit.get("StateDirectory").split(" "));
        String gnupg = unit.environment("GNUPGHOME").orElseThrow();
        assertTrue(stateDirs.stream().anyMatch(d -> gnupg.equals("/var/lib/" + d)),
                "GNUPGHOME " + gnupg + " must be one of the StateDirectory dirs " + stateDirs + " (gpg writes there)");
        assertEquals("0700", unit.get("StateDirectoryMode"), "gpg refuses a home others can read");
        assertTrue(unit.get("WorkingDirectory").startsWith("/var/lib/" + stateDirs.get(0)));
    }

    @ForEachService
    void yieldsTheHostToItsRealWork(String service) {
        UnitFile unit = UnitFile.read("systemd/" + service);
        assertEquals("19", unit.get("Nice"));
        assertEquals("idle", unit.get("IOSchedulingClass"));
    }

    @ForEachService
    void startsTheJarWithTheConfigAndStopsCleanly(String service) {
        UnitFile unit = UnitFile.read("systemd/" + service);
        assertTrue(unit.get("ExecStart").matches(
                        "/usr/bin/java .*-jar /opt/duplicity-unattended/duplicity-unattended\\.jar"
                                + " --config /etc/duplicity-unattended/config\\.yaml( --once)?"),
                unit.get("ExecStart"));
        assertEquals("143", unit.get("SuccessExitStatus"), "the JVM's exit after SIGTERM is a clean stop");
        assertTrue(seconds(unit.get("TimeoutStopSec")) > 30, "the program needs up to 30 s to stop duplicity");
    }

    @Test
    void theDaemonRestartsAfterACrashButNotAfterABadConfig() {
        UnitFile daemon = UnitFile.read("systemd/duplicity-unattended.service");
        assertEquals("on-failure", daemon.get("Restart"));
        assertEquals("2", daemon.get("RestartPreventExitStatus"));
        assertEquals("multi-user.target", daemon.get("WantedBy"));
    }

    @Test
    void bothServicesShareOneSandbox() {
        assertEquals(sandbox(UnitFile.read("systemd/duplicity-unattended.service")),
                sandbox(UnitFile.read("systemd/duplicity-unattended-once.service")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duplicity-unattended.service", "duplicity-unattended-once.service",
            "duplicity-unattended.timer"})
    void everyNonDefaultLineSaysWhy(String unitName) {
        UnitFile unit = UnitFile.read("systemd/" + unitName);
        List<String> bare = unit.directives.stream()
                .filter(d -> !Set.of("Description", "Documentation").contains(d.key()))
                .filter(d -> !d.commented())
                .map(d -> "line " + d.line() + ": " + d.key() + "=")
                .toList();
        assertEquals(List.of(), bare, unitName + ": directives without a comment just above");
    }

    /** The service directives from User= on: identity, file system and kernel protections. */
    private static List<String> sandbox(UnitFile unit) {
        List<UnitFile.Directive> all = unit.directives;
        int from = all.indexOf(all.stream().filter(d -> d.key().equals("User")).findFirst().orElseThrow());
        return all.subList(from, all.size()).stream()
                .filter(d -> d.section().equals("Service"))
                .map(d -> d.key() + "=" + d.value())
                .toList();
    }

    private static long seconds(String timespan) {
        Matcher m = Pattern.compile("(\\d+)\\s*(s|sec|min|m)?").matcher(timespan);
        assertTrue(m.matches(), "unexpected time span " + timespan);
        long n = Long.parseLong(m.group(1));
        return m.group(2) != null && m.group(2).startsWith("m") ? n * 60 : n;
    }
}
