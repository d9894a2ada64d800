package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.duplicity.DuplicityMessages;
import io.github.duplicityunattended.exec.CommandOutput;
import io.github.duplicityunattended.support.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a file the drill restored with the source, byte for byte. A source changed since the backup (its
 * modification time or size differ from the restored copy's, which duplicity restores as backed up) is skipped and
 * counted, not compared.
 */
final class DrillCheck {

    private static final Logger LOG = LoggerFactory.getLogger(Drill.class);

    void restored(DrillPlan plan, DrillPlan.PlannedFile file, Path copy, CommandOutput output) {
        List<String> tail = output.tail();
        if (output.getExitValue() != 0 || !Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
            if (tail.stream().anyMatch(line -> line.contains("not found in archive"))) {
                // listed by an older set of the chain, deleted by a newer one
                LOG.info("drill: {} is not in the newest backup: skipped", file.path());
                plan.skipped();
            } else {
                failed(plan, file, output.getExitValue() != 0
                        ? "exit " + output.getExitValue() + ": " + DuplicityMessages.reason(tail) + (file.missing()
                        .isEmpty() ? "" : " (missing from the target: " + String.join(", ", file.missing()) + ")")
                        : "duplicity exited 0 but restored nothing", tail);
            }
            return;
        }
        Path source = Path.of(plan.getDir().source()).resolve(file.path());
        try {
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)
                    || Files.getLastModifiedTime(source, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond()
                    != Files.getLastModifiedTime(copy).toInstant().getEpochSecond()
                    || Files.size(source) != Files.size(copy)) {
                LOG.info("drill: {} changed since the backup: skipped", file.path());
                plan.skipped();
            } else if (Files.mismatch(source, copy) == -1L) {
                plan.identical();
            } else {
                LOG.error("drill: {} DIFFERS from the source", file.path());
                plan.failed(new DrillPlan.Failure(file.path(), true, "differs from the source", List.of()));
            }
        } catch (IOException e) {
            failed(plan, file, "could not compare it with the source: " + Failures.reason(e), List.of());
        }
    }

    void failed(DrillPlan plan, DrillPlan.PlannedFile file, String reason) {
        failed(plan, file, reason, List.of());
    }

    private static void failed(DrillPlan plan, DrillPlan.PlannedFile file, String reason, List<String> tail) {
        LOG.error("drill: could not restore {}: {}", file.path(), reason);
        plan.failed(new DrillPlan.Failure(file.path(), false, reason, tail));
    }

    /** Removes the plan's temp dir of restored copies. */
    void removeCopies(DrillPlan plan) {
        if (plan.copies() == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(plan.copies())) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("drill: could not remove the restored copies in {}: {}", plan.copies(), Failures.reason(e));
        }
    }
}
