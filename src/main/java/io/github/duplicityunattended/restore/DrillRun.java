package io.github.duplicityunattended.restore;

import io.github.duplicityunattended.config.BackupDir;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One restore drill as it goes: its dirs, the store's listing (the size of every stored volume), the budget, and
 * each dir's result as it comes.
 */
public final class DrillRun {

    private final List<BackupDir> dirs;
    private final Optional<Map<String, Map<String, Long>>> listing;
    private final Optional<String> listingProblem;
    private final long budget;
    private final Instant started;
    private final List<DirDrill> results = new ArrayList<>();
    private long planned;

    /**
     * @param listing        every dir's stored files and sizes; empty when the store cannot be listed
     * @param listingProblem why a listable store could not be listed
     */
    DrillRun(List<BackupDir> dirs, Optional<Map<String, Map<String, Long>>> listing, Optional<String> listingProblem,
             long budget, Instant started) {
        this.dirs = List.copyOf(dirs);
        this.listing = listing;
        this.listingProblem = listingProblem;
        this.budget = budget;
        this.started = started;
    }

    /** The dirs to drill, in config order. */
    public List<BackupDir> getDirs() {
        return dirs;
    }

    Optional<Map<String, Map<String, Long>>> listing() {
        return listing;
    }

    Optional<String> listingProblem() {
        return listingProblem;
    }

    long budget() {
        return budget;
    }

    Instant started() {
        return started;
    }

    /** What a dir may still download: an even share of what the dirs before it left. */
    long allowance() {
        return (budget - planned) / Math.max(1, dirs.size() - results.size());
    }

    void planned(DrillPlan plan) {
        planned += plan.getFiles().stream().mapToLong(DrillPlan.PlannedFile::cost).sum();
    }

    void record(DirDrill result) {
        results.add(result);
    }

    List<DirDrill> results() {
        return List.copyOf(results);
    }
}
