package io.github.duplicityunattended.preflight;

import io.github.duplicityunattended.config.BucketUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code file://} target under /tmp or /var/tmp, when the program runs as a systemd service. The
 * units set {@code PrivateTmp=}: the service's /tmp and /var/tmp are its own, and systemd deletes
 * them when the unit stops, so every backup written there vanishes although the run ended ok.
 */
final class LocalTargetCheck {

    /** Set by systemd for every service it starts (and seen by nothing started from a login shell). */
    static final List<String> SYSTEMD_VARIABLES = List.of("INVOCATION_ID", "JOURNAL_STREAM");
    static final List<Path> PRIVATE_DIRS = List.of(Path.of("/tmp"), Path.of("/var/tmp"));

    private LocalTargetCheck() {
    }

    /**
     * A problem sentence, or empty when the target survives the unit. {@code workingDir} resolves a
     * relative {@code file://} path, as duplicity does.
     */
    static Optional<String> problem(String bucketUrl, Map<String, String> environment, Path workingDir) {
        if (!BucketUrl.schemeOf(bucketUrl).orElse("").equals("file")
                || SYSTEMD_VARIABLES.stream().noneMatch(environment::containsKey)) {
            return Optional.empty();
        }
        Path target = workingDir.resolve(BucketUrl.pathOf(bucketUrl)).normalize();
        return PRIVATE_DIRS.stream().filter(target::startsWith).findFirst().map(dir -> "bucket_url: " + bucketUrl
                + " is under " + dir + ", which a systemd service with PrivateTmp= sees as its own private dir,"
                + " deleted when the unit stops: every backup there would be lost. Back up to a dir outside"
                + " /tmp and /var/tmp and make it writable with a drop-in ReadWritePaths= (see Deploying in README.md)");
    }
}
