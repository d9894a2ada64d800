package io.github.duplicityunattended.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stand-ins for a user's hooks and a duplicity that waits, for route tests. Every hook is one script,
 * {@code hook.sh NAME}: it notes "NAME dir=... status=..." in the events file, says "hook NAME says hello", keeps
 * the summary it was given in {@code summary-NAME}, and fails (exit 3, "NAME failed on purpose" on stderr) when
 * the test has made a file {@code fail-NAME}. The held duplicity notes "backup SOURCE" or "purge TARGET" in the
 * same events file, and a backup of a dir named NAME marks {@code started/NAME} and waits for {@code release/NAME}
 * or {@code release/all} before it goes on as the scripted duplicity.
 */
final class HookScripts {

    final Path dir;
    final Path events;
    final Path hook;

    private HookScripts(Path dir) {
        this.dir = dir;
        this.events = dir.resolve("events.log");
        this.hook = dir.resolve("hook.sh");
    }

    static HookScripts in(Path dir) throws IOException {
        HookScripts s = new HookScripts(dir);
        Files.createDirectories(dir.resolve("started"));
        Files.createDirectories(dir.resolve("release"));
        executable(s.hook, """
                #!/bin/sh
                echo "$1 dir=${DUPLICITY_UNATTENDED_DIR-} status=${DUPLICITY_UNATTENDED_STATUS-}" >> '%1$s'
                echo "hook $1 says hello"
                [ -z "${DUPLICITY_UNATTENDED_SUMMARY+x}" ] || printf '%%s' "$DUPLICITY_UNATTENDED_SUMMARY" > '%2$s/summary-'"$1"
                if [ -e '%2$s/fail-'"$1" ]; then echo "$1 failed on purpose" >&2; exit 3; fi
                exit 0
                """.formatted(s.events, dir));
        return s;
    }

    /** A duplicity in front of {@code scripted} that notes each call and holds backups until released. */
    Path heldDuplicity(Path scripted) throws IOException {
        Path held = dir.resolve("held-duplicity");
        executable(held, """
                #!/bin/sh
                [ "$1" = --version ] && exec '%1$s' "$@"
                src=''; last=''
                for a in "$@"; do src=$last; last=$a; done
                if [ "$1" = remove-all-but-n-full ]; then
                    echo "purge $last" >> '%2$s'
                else
                    name=${src##*/}
                    echo "backup $src" >> '%2$s'
                    echo "working on $src"
                    touch '%3$s/started/'"$name"
                    while [ ! -e '%3$s/release/'"$name" ] && [ ! -e '%3$s/release/all' ]; do sleep 0.05; done
                fi
                exec '%1$s' "$@"
                """.formatted(scripted, events, dir));
        return held;
    }

    /** Hook entries of a config: {@code - when: WHEN} with {@code command: [hook.sh, NAME]}, indented. */
    String hook(String indent, String when, String name) {
        return indent + "- when: " + when + "\n" + indent + "  command: [\"" + hook + "\", \"" + name + "\"]\n";
    }

    void fail(String name) throws IOException {
        Files.createFile(dir.resolve("fail-" + name));
    }

    void release(String name) throws IOException {
        Files.createFile(dir.resolve("release").resolve(name));
    }

    boolean started(String name) {
        return Files.exists(dir.resolve("started").resolve(name));
    }

    String summary(String name) throws IOException {
        return Files.readString(dir.resolve("summary-" + name));
    }

    List<String> events() throws IOException {
        return Files.exists(events) ? Files.readAllLines(events) : List.of();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        file.toFile().setExecutable(true);
    }
}
