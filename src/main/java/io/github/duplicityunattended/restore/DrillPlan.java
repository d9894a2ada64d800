package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One dir's part of a restore drill: the files picked from its newest backup, each with what its restore downloads,
 * and, as the drill goes, how each compared with the source.
 */
public final class DrillPlan {

    /**
     * A file to restore and compare.
     *
     * @param number its place in the plan, which names its restored copy
     * @param path   its path in the dir
     * @param cost    the bytes its restore downloads: every volume that may hold it, of every set of the chain
     * @param missing those volumes the store's listing lacks
     */
    public record PlannedFile(int number, String path, long cost, List<String> missing) {

        public PlannedFile {
            missing = List.copyOf(missing);
        }
    }

    /**
     * A file that did not come back as the source has it.
     *
     * @param path    its path in the dir
     * @param differs true when it was restored and differs from the source; false when it could not be restored
     * @param reason  what happened, in one line
     * @param tail    the last lines of duplicity's output, for a file that could not be restored
     */
    public record Failure(String path, boolean differs, String reason, List<String> tail) {

        public Failure {
            tail = List.copyOf(tail);
        }
    }

    private final BackupDir dir;
    private final List<PlannedFile> files;
    private final Optional<Instant> backupTime;
    private final Optional<String> problem;
    private Path copies;
    private int skipped;
    private int identical;
    private long downloaded;
    private final List<Failure> failures = new ArrayList<>();

    DrillPlan(BackupDir dir, List<PlannedFile> files, Optional<Instant> backupTime, int skipped,
              Optional<String> problem) {
        this.dir = dir;
        this.files = List.copyOf(files);
        this.backupTime = backupTime;
        this.skipped = skipped;
        this.problem = problem;
    }

    /** A dir the drill cannot restore from, and why. */
    static DrillPlan failed(BackupDir dir, String problem) {
        return new DrillPlan(dir, List.of(), Optional.empty(), 0, Optional.of(problem));
    }

    public BackupDir getDir() {
        return dir;
    }

    /** The files to restore, in order. */
    public List<PlannedFile> getFiles() {
        return files;
    }

    Optional<Instant> backupTime() {
        return backupTime;
    }

    Optional<String> problem() {
        return problem;
    }

    Path copies() {
        return copies;
    }

    void copiesIn(Path dirOfCopies) {
        this.copies = dirOfCopies;
    }

    void restoring(PlannedFile file) {
        downloaded += file.cost();
    }

    void identical() {
        identical++;
    }

    void skipped() {
        skipped++;
    }

    void failed(Failure failure) {
        failures.add(failure);
    }

    /** What the drill found in this dir. */
    DirDrill result() {
        return new DirDrill(dir.source(), identical + (int) failures.stream().filter(Failure::differs).count(),
                identical, skipped, downloaded, backupTime, failures, problem);
    }
}
