package io.github.duplicityunattended.run;

/** How a backup run ended, as the reply of the backup-run route: a {@link RunReport} or a {@link RunRefusal}. */
public sealed interface RunResult permits RunReport, RunRefusal {

    /** The process's exit code when this was a one-off run. */
    int exitCode();
}
