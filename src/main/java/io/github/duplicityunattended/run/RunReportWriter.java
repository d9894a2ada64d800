package io.github.duplicityunattended.run;

import io.github.duplicityunattended.config.BackupDir;
import io.github.duplicityunattended.config.Durations;
import io.github.duplicityunattended.exec.StreamingExecutor;
import io.github.duplicityunattended.run.RunReport.Detail;
import io.github.duplicityunattended.run.RunReport.Level;
import io.github.duplicityunattended.run.RunReport.Line;
import io.github.duplicityunattended.run.RunReport.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words a run's report: its status, a headline, one line per dir, the run's hooks that went wrong, and what the
 * notice quotes. A dir whose hook failed failed; a hook that the program's stop ended leaves its dir (or, for a
 * hook of the run, the run) interrupted.
 */
final class RunReportWriter {

    /** How many of the last output lines of each failed command the notice quotes. */
    static final int NOTICE_TAIL_LINES = 40;
    /** How many unreadable files a summary line names. */
    static final int NAMED_FILES = 3;

    private final BackupRun run;
    private final Instant ended;
    private final List<BackupDir> interrupted;
    private final List<BackupDir> failed;
    private final List<BackupDir> incomplete;
    private final List<HookResult> runHooks;

    RunReportWriter(BackupRun run, Instant ended) {
        this.run = run;
        this.ended = ended;
        this.runHooks = run.hooks(Optional.empty());
        boolean stoppedBeforeDirs = runHooks.stream().anyMatch(h -> h.call().when().prepares() && h.interrupted());
        this.interrupted = run.getDirs().stream().filter(d -> is(run.backup(d), DirResult::interrupted)
                || is(run.purge(d), DirResult::interrupted) || hooks(d).stream().anyMatch(HookResult::interrupted)
                || stoppedBeforeDirs && run.backup(d).isEmpty()).toList();
        this.failed = run.getDirs().stream().filter(d -> !interrupted.contains(d)
                && (run.backup(d).isEmpty() || !is(run.backup(d), DirResult::ok) || is(run.purge(d), r -> !r.ok())
                        || hooks(d).stream().anyMatch(HookResult::failed)))
                .toList();
        this.incomplete = run.getDirs().stream().filter(d -> is(run.backup(d), DirResult::incomplete)).toList();
    }

    private List<HookResult> hooks(BackupDir dir) {
        return run.hooks(Optional.of(dir));
    }

    private static boolean is(Optional<DirResult> result, java.util.function.Predicate<DirResult> test) {
        return result.map(test::test).orElse(false);
    }

    RunReport report() {
        boolean hookInterrupted = runHooks.stream().anyMatch(HookResult::interrupted);
        Status status = !interrupted.isEmpty() || hookInterrupted ? Status.INTERRUPTED
                : !failed.isEmpty() || runHooks.stream().anyMatch(HookResult::failed) ? Status.FAILED
                : !incomplete.isEmpty() ? Status.INCOMPLETE : Status.OK;
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(level(status), headline(status)));
        for (BackupDir dir : run.getDirs()) {
            Level level = failed.contains(dir) ? Level.ERROR
                    : interrupted.contains(dir) || incomplete.contains(dir) ? Level.WARN : Level.INFO;
            lines.add(new Line(level, "[" + dir.source() + "] " + dirLine(dir)));
        }
        runHooks.stream().filter(h -> !h.ok()).map(HookWords::runLine).forEach(lines::add);
        if (!failed.isEmpty()) {
            lines.add(new Line(Level.ERROR, "Failed dirs: " + RunReport.sources(failed)));
        }
        if (!incomplete.isEmpty()) {
            lines.add(new Line(Level.WARN, "Incomplete dirs (files duplicity could not read): "
                    + RunReport.sources(incomplete)));
        }
        if (!interrupted.isEmpty()) {
            lines.add(new Line(Level.WARN, "Not finished, resumed at the next run: " + RunReport.sources(interrupted)));
        }
        return new RunReport(status, lines, failed.stream().map(BackupDir::source).toList(),
                incomplete.stream().map(BackupDir::source).toList(), details());
    }

    private static Level level(Status status) {
        return switch (status) {
            case OK -> Level.INFO;
            case FAILED -> Level.ERROR;
            case INCOMPLETE, INTERRUPTED -> Level.WARN;
        };
    }

    private String headline(Status status) {
        int total = run.getDirs().size();
        String took = ", took " + Durations.human(Duration.between(run.started(), ended))
                + (run.dryRun() ? " (dry run: nothing changed)" : "");
        return switch (status) {
            case OK -> String.format("Backup run finished: %d of %d dirs ok, 0 failed", total, total) + took;
            case FAILED -> String.format("Backup run FAILED: %d of %d dirs ok, %d failed", total - failed.size(), total,
                    failed.size()) + HookWords.failedInHeadline(runHooks) + took;
            case INCOMPLETE -> String.format("Backup run INCOMPLETE: %d of %d dirs backed up, %d without files"
                    + " duplicity could not read", total, total, incomplete.size()) + took;
            case INTERRUPTED -> String.format("Backup run INTERRUPTED: the program was stopped; %d of %d dirs ok,"
                    + " %d not finished", total - interrupted.size() - failed.size(), total, interrupted.size()) + took;
        };
    }

    private String dirLine(BackupDir dir) {
        DirResult backup = run.backup(dir).orElse(null);
        List<HookResult> wrong = hooks(dir).stream().filter(h -> !h.ok()).toList();
        if (backup == null) {
            return HookWords.notBackedUp(wrong, runHooks, interrupted.contains(dir)) + HookWords.afterHooks(wrong);
        }
        StringBuilder line = new StringBuilder(describe(backup));
        backup.statistics().filter(s -> backup.ok()).ifPresent(s -> line.append(": ").append(s));
        if (backup.incomplete()) {
            line.append("; INCOMPLETE: ").append(unreadable(backup));
        }
        line.append(HookWords.afterHooks(wrong));
        run.purge(dir).ifPresentOrElse(p -> line.append("; purge ").append(switch (p.outcome()) {
            case OK -> "ok";
            case FAILED -> "FAILED: exit " + p.exitValue() + ": " + p.reason();
            case INTERRUPTED -> "INTERRUPTED";
        }),
                () -> line.append(run.keepFull().isPresent() && (!backup.ok() || backup.incomplete() || !wrong.isEmpty())
                        ? "; not purged" : ""));
        return line.toString();
    }

    private static String describe(DirResult r) {
        String after = Durations.human(r.duration());
        return switch (r.outcome()) {
            case OK -> "ok in " + after;
            case FAILED -> "FAILED after " + after + ": exit " + r.exitValue() + ": " + r.reason();
            case INTERRUPTED -> r.duration().isZero() || r.tail().equals(List.of(StreamingExecutor.NOT_STARTED))
                    ? "INTERRUPTED: not started, the program was stopping"
                    : "INTERRUPTED after " + after + ": stopped with the program";
        };
    }

    private static String unreadable(DirResult r) {
        List<String> named = r.unreadable().subList(0, Math.min(NAMED_FILES, r.unreadable().size()));
        long more = r.unreadableCount() - named.size();
        return r.unreadableCount() + " file(s) could not be read" + (named.isEmpty() ? "" : ": " + String.join(", ", named))
                + (more > 0 && !named.isEmpty() ? " and " + more + " more" : "");
    }

    private List<Detail> details() {
        List<Detail> details = new ArrayList<>();
        for (BackupDir dir : run.getDirs()) {
            if (failed.contains(dir)) {
                hooks(dir).stream().filter(h -> h.failed() && h.call().when().prepares())
                        .forEach(h -> HookWords.tail(h).ifPresent(details::add));
                tail(dir, "backup", run.backup(dir)).ifPresent(details::add);
                hooks(dir).stream().filter(h -> h.failed() && !h.call().when().prepares())
                        .forEach(h -> HookWords.tail(h).ifPresent(details::add));
                tail(dir, "purge", run.purge(dir)).ifPresent(details::add);
            }
            run.backup(dir).filter(DirResult::incomplete).ifPresent(r -> details.add(new Detail(
                    "Files duplicity could not read in " + dir.source() + " (" + r.unreadableCount() + " in all):",
                    r.unreadable())));
        }
        runHooks.stream().filter(HookResult::failed).forEach(h -> HookWords.tail(h).ifPresent(details::add));
        return details;
    }

    /** The last lines of a command's output that the notice quotes. */
    static List<String> last(List<String> tail) {
        return tail.subList(Math.max(0, tail.size() - NOTICE_TAIL_LINES), tail.size());
    }

    private static Optional<Detail> tail(BackupDir dir, String what, Optional<DirResult> result) {
        return result.filter(r -> r.outcome() == DirResult.Outcome.FAILED).map(r -> {
            List<String> last = last(r.tail());
            return new Detail("Last " + last.size() + " line(s) of the " + what + " of " + dir.source() + ":", last);
        });
    }
}
