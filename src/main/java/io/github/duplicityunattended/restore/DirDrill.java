package io.github.duplicityunattended.restore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the restore drill found in one dir.
 *
 * @param source     the dir
 * @param compared   files restored and compared byte for byte with the source
 * @param identical  of those, the files identical to the source
 * @param skipped    files picked but not compared: changed since the backup, gone, or not regular files
 * @param downloaded bytes the restores downloaded: each restore fetches every whole volume that may hold its file
 * @param backupTime the time of the backup the files came from
 * @param failures   files that differ from the source or could not be restored
 * @param problem    why the dir could not be drilled at all
 */
public record DirDrill(String source, int compared, int identical, int skipped, long downloaded,
                       Optional<Instant> backupTime, List<DrillPlan.Failure> failures, Optional<String> problem) {

    public DirDrill {
        failures = List.copyOf(failures);
    }

    public boolean failed() {
        return !failures.isEmpty() || problem.isPresent();
    }

    /** The files whose restored copy differs from the source. */
    public List<String> different() {
        return failures.stream().filter(DrillPlan.Failure::differs).map(DrillPlan.Failure::path).toList();
    }

    /** The files that could not be restored. */
    public List<DrillPlan.Failure> errors() {
        return failures.stream().filter(f -> !f.differs()).toList();
    }
}
