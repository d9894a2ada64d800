package io.github.duplicityunattended.run;

import io.github.duplicityunattended.run.RunReport.Detail;
import io.github.duplicityunattended.run.RunReport.Level;
import io.github.duplicityunattended.run.RunReport.Line;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the report words hooks that went wrong: in a dir's line, on a line of their own, in the notice. */
final class HookWords {

    private HookWords() {
    }

    /** {@code FAILED: exit 1: reason} or {@code INTERRUPTED}. */
    static String outcome(HookResult hook) {
        return hook.failed() ? "FAILED: exit " + hook.exitValue() + ": " + hook.reason() : "INTERRUPTED";
    }

    /** A hook of the run that went wrong, on a summary line of its own. */
    static Line runLine(HookResult hook) {
        return new Line(hook.failed() ? Level.ERROR : Level.WARN, hook.call().name() + " " + outcome(hook)
                + (hook.call().when().prepares() ? "; no dir was backed up" : ""));
    }

    /** {@code , after_run hook umount failed} for each of the run's hooks that failed, for the headline. */
    static String failedInHeadline(List<HookResult> runHooks) {
        return runHooks.stream().filter(HookResult::failed).map(h -> ", " + h.call().name() + " failed")
                .collect(Collectors.joining());
    }

    /**
     * Why a dir was not backed up: its before hook (first of {@code wrong}, its hooks that went wrong), the run's
     * before_run hook, or the program's stop.
     */
    static String notBackedUp(List<HookResult> wrong, List<HookResult> runHooks, boolean interrupted) {
        Optional<HookResult> before = wrong.stream().filter(h -> h.call().when().prepares()).findFirst();
        if (before.isPresent()) {
            HookResult h = before.get();
            return h.failed() ? "FAILED: " + h.call().name() + ": exit " + h.exitValue() + ": " + h.reason()
                    + "; not backed up" : "INTERRUPTED: " + h.call().name() + " stopped with the program; not backed up";
        }
        if (interrupted) {
            return "INTERRUPTED: not started, the program was stopping";
        }
        return "FAILED: not backed up" + runHooks.stream().filter(h -> h.failed() && h.call().when().prepares())
                .findFirst().map(h -> ": the " + h.call().name() + " failed").orElse("");
    }

    /** {@code ; after hook systemctl FAILED: exit 5: ...} for each after hook of {@code wrong}. */
    static String afterHooks(List<HookResult> wrong) {
        return wrong.stream().filter(h -> !h.call().when().prepares())
                .map(h -> "; " + h.call().name() + " " + outcome(h)).collect(Collectors.joining());
    }

    /** The last output lines of a failed hook, for the notice; none when it printed nothing. */
    static Optional<Detail> tail(HookResult hook) {
        List<String> last = RunReportWriter.last(hook.tail());
        return last.isEmpty() ? Optional.empty() : Optional.of(new Detail("Last " + last.size() + " line(s) of the "
                + hook.call().name() + hook.call().dir().map(d -> " of " + d.source()).orElse("") + ":", last));
    }
}
