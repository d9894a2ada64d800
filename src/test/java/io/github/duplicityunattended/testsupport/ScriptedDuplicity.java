package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for the duplicity executable, for route tests that exercise the flow rather than duplicity
 * (the end-to-end tests run the real one). It records each call's arguments, one call per line,
 * separated by tabs; a backup whose arguments mention "broken" exits 23 and a purge that mentions
 * "purge-fails" exits 1. A backup of a dir named "unreadable" says it could not read one file in it; one of a dir
 * named "damaged-cache" fails as duplicity does on a cache it cannot read, while that dir's cache in the
 * archive dir holds a file; one of a dir named "always-damaged" always fails so.
 */
public final class ScriptedDuplicity {

    private final Path executable;
    private final Path calls;

    private ScriptedDuplicity(Path executable, Path calls) {
        this.executable = executable;
        this.calls = calls;
    }

    public static ScriptedDuplicity create(Path dir) throws IOException {
        Path calls = dir.resolve("duplicity-calls.log");
        Path exe = dir.resolve("duplicity");
        Files.writeString(exe, String.join("\n",
                "#!/bin/sh",
                "if [ \"$1\" = --version ]; then echo 'duplicity 0.8.22'; exit 0; fi",
                "line=''; archive=''; name=''; prev=''; src=''; last=''",
                "for a in \"$@\"; do line=\"$line$a\t\"; case \"$prev\" in --archive-dir) archive=$a;;"
                        + " --name) name=$a;; esac; prev=$a; src=$last; last=$a; done",
                "[ -n \"$name\" ] || name=$(printf %s \"$last\" | md5sum | cut -d' ' -f1)",
                "echo \"$line\" >> '" + calls + "'",
                "echo \"scripted duplicity: $1\"",
                "case \"$line\" in",
                "  remove-all-but-n-full*purge-fails*) echo 'purge failed on purpose' >&2; exit 1;;",
                "  remove-all-but-n-full*) exit 0;;",
                "  *broken*) echo 'Backup source directory does not exist.' >&2; exit 23;;",
                "  *damaged-cache*|*always-damaged*) if [ -n \"$(ls -A \"$archive/$name\" 2>/dev/null)\" ]"
                        + " || [ \"${src##*/}\" = always-damaged ]; then",
                "      echo 'Traceback (most recent call last):'; echo \"  File \\\"gzip.py\\\", line 428, in x\";",
                "      echo \" gzip.BadGzipFile: Not a gzipped file (b'ga')\"; exit 30; fi;;",
                "  *unreadable*) echo \"Error accessing possibly locked file $src/secret\";",
                "      echo '--------------[ Backup Statistics ]--------------'; echo 'SourceFiles 2'; echo 'Errors 1';",
                "      exit 0;;",
                "esac",
                "echo '--------------[ Backup Statistics ]--------------'",
                "echo 'SourceFiles 4'",
                "echo 'NewFiles 1'",
                "echo 'RawDeltaSize 10 (10 bytes)'",
                "echo 'Errors 0'",
                "exit 0", ""));
        exe.toFile().setExecutable(true);
        return new ScriptedDuplicity(exe, calls);
    }

    public Path executable() {
        return executable;
    }

    /** Each call's arguments, in call order. */
    public List<List<String>> calls() throws IOException {
        if (!Files.exists(calls)) {
            return List.of();
        }
        return Files.readAllLines(calls).stream().map(l -> Arrays.asList(l.split("\t"))).toList();
    }

    /** "backup SRC" or "purge TARGET" for each call, in order. */
    public List<String> summary() throws IOException {
        return calls().stream().map(c -> c.get(0).equals("remove-all-but-n-full")
                ? "purge " + c.get(c.size() - 1) : "backup " + c.get(c.size() - 2)).toList();
    }
}
