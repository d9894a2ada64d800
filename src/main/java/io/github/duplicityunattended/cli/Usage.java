package io.github.duplicityunattended.cli;

/** The --help text: options and exit codes. */
final class Usage {

    static final String TEXT = """
            Usage: java -jar duplicity-unattended.jar [OPTIONS]

            Unattended, encrypted, off-site backups of the dirs in the config file with duplicity,
            purge of old backup chains, and a monitor that mails when backups stop.
            Without --once it runs as a daemon: backups and checks fire on the config's schedules.

            Options:
              -c, --config FILE   config file (default: config.yaml in the working directory)
                  --once          run one backup-then-purge cycle now, then exit
                  --dry-run       preview the backup and purge; change nothing (implies --once)
                  --skip-purge    back up, but do not purge old backups
                  --routes DIR    load the YAML routes from DIR instead of the built-in ones
                  --validate      check the config and the environment (duplicity, GnuPG key,
                                  source dirs, cache dir, credentials, the target, --routes),
                                  print every problem, exit
                  --check         check the bucket for stale or missing backups now, print the
                                  report, mail it if anything is stale, exit
                  --test-email    mail the newest backup of every folder now (tests SES), exit
                  --status        list the bucket once and print, for every dir, its target, newest
                                  full and incremental backup, chains, backup sets, bytes stored
                                  and whether it is fresh, exit
                  --json          with --status: print one JSON document instead
                  --restore DIR   restore the configured dir DIR (its source) with the backups'
                                  target, cache and credentials, exit
                  --path PATH     with --restore: only this file or subdir of DIR
                  --time TIME     with --restore: as of this duplicity time (3D, 2026-11-01,
                                  2026-11-01T02:00:00Z); default: the newest backup
                  --to TARGET     with --restore (required): where to restore; it must not exist
                                  or be an empty dir
                  --force         with --restore: write into an existing TARGET, even the source
                                  itself when TARGET is the restored dir's or path's own place
                  --verify [DIR]  the restore drill: restore a random sample of files of every
                                  dir's (or DIR's) newest backup within verify.max_download,
                                  compare them with the source, mail if any differs, exit
              -v, --verbose       log all of duplicity's output (default: its warnings and errors)
              -q, --quiet         log only warnings, errors and the run's summary
              -h, --help          show this help and exit
              -V, --version       show the version and exit

            Exit codes:
              0    ok
              1    a backup or purge failed (or another run held the lock); --check or --status
                   found a stale or never backed-up folder or could not list; --test-email was
                   not sent; a restore failed; the drill found a difference or could not restore
              2    bad config, bad usage or bad environment (duplicity, the GnuPG key or the
                   cache dir missing), bad restore input; nothing was backed up or restored
              3    every dir was backed up, but duplicity could not read some files: the
                   summary names them; those dirs were not purged
              143  stopped (SIGTERM): running duplicity was stopped cleanly and resumes at the
                   next run; no failure notice
            """;

    private Usage() {
    }
}
