package io.github.duplicityunattended.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file:// target that a systemd service's private /tmp would swallow is refused; any other passes. */
class LocalTargetCheckTest {

    static final Map<String, String> UNDER_SYSTEMD = Map.of("INVOCATION_ID", "5f0c6b3e8d2a4c1b9e7f6a5d4c3b2a19");
    static final Path WORKING_DIR = Path.of("/var/lib/duplicity-unattended");

    @ParameterizedTest
    @ValueSource(strings = {"file:///var/tmp/backups", "file:///tmp", "file:///tmp/a/b", "file:///srv/../tmp/backups",
            "FILE:///var/tmp/backups"})
    void aTargetInTheServicesPrivateTmpIsRefusedUnderSystemd(String url) {
        Optional<String> problem = LocalTargetCheck.problem(url, UNDER_SYSTEMD, WORKING_DIR);
        assertTrue(problem.isPresent(), url);
        assertTrue(problem.get().startsWith("bucket_url: " + url + " is under /"), problem.get());
        assertTrue(problem.get().contains("deleted when the unit stops"), problem.get());
        assertTrue(problem.get().contains("drop-in ReadWritePaths="), problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"JOURNAL_STREAM", "INVOCATION_ID"})
    void eitherVariableSystemdSetsMeansAService(String variable) {
        assertTrue(LocalTargetCheck.problem("file:///var/tmp/backups", Map.of(variable, "8:12345"), WORKING_DIR)
                .isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///srv/backups", "file:///var/tmpfiles", "file:///var/lib/tmp", "file:///",
            "boto3+s3://my-bucket/tmp", "s3+http://tmp/var/tmp", "file://backups"})
    void anyOtherTargetPassesUnderSystemd(String url) {
        assertEquals(Optional.empty(), LocalTargetCheck.problem(url, UNDER_SYSTEMD, WORKING_DIR), url);
    }

    @Test
    void aRelativeTargetIsJudgedWhereItWouldLand() {
        assertTrue(LocalTargetCheck.problem("file://backups", UNDER_SYSTEMD, Path.of("/tmp/work")).isPresent());
        assertEquals(Optional.empty(), LocalTargetCheck.problem("file://backups", UNDER_SYSTEMD, WORKING_DIR));
        assertTrue(LocalTargetCheck.problem("file://../../tmp/backups", UNDER_SYSTEMD, WORKING_DIR).isPresent(),
                "/var/lib/duplicity-unattended/../../tmp is /var/tmp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///var/tmp/backups", "file:///tmp/quickstart"})
    void fromAShellATemporaryTargetIsTheUsersChoice(String url) {
        assertEquals(Optional.empty(), LocalTargetCheck.problem(url, Map.of("HOME", "/root"), WORKING_DIR), url);
    }
}
