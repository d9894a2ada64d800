package io.github.duplicityunattended.config;

import java.util.Optional;

/**
 * The {@code verify:} section: the restore drill's sample, its download budget and its schedule.
 *
 * @param sampleFiles how many files of each dir's newest backup one drill restores and compares
 * @param maxDownload the most one drill may download, in bytes, counting every volume a restore fetches
 * @param schedule    quartz cron expression of the daemon's drill; empty when the daemon runs none
 */
public record VerifyConfig(int sampleFiles, long maxDownload, Optional<String> schedule) {

    public static final int DEFAULT_SAMPLE_FILES = 20;
    public static final String DEFAULT_MAX_DOWNLOAD = "1GB";
}
