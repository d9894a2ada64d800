package io.github.duplicityunattended.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.duplicityunattended.testsupport.UsesInstalledTools;

/**
 * {@code systemd-analyze verify} finds nothing to say about the units, and the timer and the
 * system user fit the services.
 *
 * <p>verify checks that ExecStart's program exists. The units start {@code /usr/bin/java}, as on a
 * Debian host; where that is absent the test verifies copies whose java is the one running this
 * test, and says so in its failure messages. Nothing else in the copies changes.
 */
@UsesInstalledTools
class SystemdUnitsVerifyCleanlyTest {

    static final List<String> UNITS = List.of(
            "duplicity-unattended.service", "duplicity-unattended-once.service", "duplicity-unattended.timer");
    static final String UNIT_JAVA = "/usr/bin/java";

    @TempDir
    Path dir;

    @Test
    void eachUnitPassesSystemdAnalyzeVerify() throws IOException {
        DeployTools.Result result = verify(Map.of());
        assertEquals(0, result.exitCode(), note() + result);
        assertEquals("", result.output().strip(), note() + "systemd-analyze verify has complaints:\n" + result);
    }

    @Test
    void aMisspeltDirectiveIsReported() throws IOException {
        DeployTools.Result result = verify(Map.of("\nNice=", "\nNicety="));
        assertTrue(result.output().contains("Unknown key 'Nicety'"),
                "verify no longer catches a misspelt directive, so a clean verify proves nothing:\n" + result);
    }

    @Test
    void theTimerStartsTheOnceServiceDailyNotTheDaemon() {
        UnitFile timer = UnitFile.read("systemd/duplicity-unattended.timer");
        assertEquals("duplicity-unattended-once.service", timer.get("Unit"));
        assertEquals("daily", timer.get("OnCalendar"));
        assertEquals("true", timer.get("Persistent"));
        assertEquals("20min", timer.get("RandomizedDelaySec"));
        assertEquals("duplicity-unattended.service", timer.get("Conflicts"), "starting the daemon must stop the timer");
        assertEquals("timers.target", timer.get("WantedBy"));

        UnitFile once = UnitFile.read("systemd/duplicity-unattended-once.service");
        assertEquals("oneshot", once.get("Type"));
        assertTrue(once.get("ExecStart").endsWith(" --once"), once.get("ExecStart"));
        assertTrue(once.all("WantedBy").isEmpty(), "the once service is started by the timer, never enabled itself");
    }

    @Test
    void theServicesRunAsTheUserThatSysusersCreates() throws IOException {
        Files.createDirectory(dir.resolve("etc"));
        Path conf = DeployTools.file("systemd/duplicity-unattended.sysusers");
        DeployTools.Result result = DeployTools.run(List.of("sh", "-c",
                "exec \"$0\" --root=\"$1\" - < \"$2\"", DeployTools.onPath("systemd-sysusers"), dir.toString(),
                conf.toString()));
        assertEquals(0, result.exitCode(), result.toString());

        String passwd = Files.readString(dir.resolve("etc/passwd"));
        for (String service : List.of("duplicity-unattended.service", "duplicity-unattended-once.service")) {
            UnitFile unit = UnitFile.read("systemd/" + service);
            String user = unit.get("User");
            String entry = passwd.lines().filter(l -> l.startsWith(user + ":")).findFirst()
                    .orElseThrow(() -> new AssertionError("sysusers does not create " + user + ":\n" + passwd));
            String[] fields = entry.split(":");
            assertTrue(Integer.parseInt(fields[2]) < 1000, "a system user: " + entry);
            assertEquals("/var/lib/" + unit.all("StateDirectory").get(0).split(" ")[0], fields[5],
                    "home is the state dir: " + entry);
            assertTrue(fields[6].endsWith("nologin"), "no login shell: " + entry);
            assertTrue(Files.readString(dir.resolve("etc/group")).contains(unit.get("Group") + ":"),
                    "sysusers creates group " + unit.get("Group"));
        }
    }

    /** Verifies copies of the three units, each edited by {@code replacements} first. */
    private DeployTools.Result verify(Map<String, String> replacements) throws IOException {
        List<String> command = new ArrayList<>(List.of(DeployTools.onPath("systemd-analyze"), "verify"));
        for (String unit : UNITS) {
            String text = "\n" + DeployTools.read(DeployTools.file("systemd/" + unit));
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                text = text.replace(r.getKey(), r.getValue());
            }
            if (!Files.isExecutable(Path.of(UNIT_JAVA))) {
                text = text.replace("ExecStart=" + UNIT_JAVA + " ", "ExecStart=" + testJava() + " ");
            }
            Path copy = dir.resolve(unit);
            Files.writeString(copy, text.substring(1));
            command.add(copy.toString());
        }
        return DeployTools.run(command, Map.of(), dir);
    }

    private static String testJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String note() {
        return Files.isExecutable(Path.of(UNIT_JAVA)) ? ""
                : "(" + UNIT_JAVA + " is absent here: verified copies starting " + testJava() + ")\n";
    }
}
