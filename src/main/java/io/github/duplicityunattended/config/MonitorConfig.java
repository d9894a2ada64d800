package io.github.duplicityunattended.config;

import java.util.List;
import java.util.Optional;

/**
 * The {@code monitor:} section: which buckets to watch, who to tell, and when backups count as stale.
 *
 * @param buckets        buckets to list, in config order; by default the bucket of {@code bucket_url}, and empty
 *                       when there is none (a {@code file://} or {@code gs://} bucket_url)
 * @param sender         SES sender address; absent means reports go to the log instead of email
 * @param recipients     SES recipient addresses; empty exactly when {@code sender} is absent
 * @param maxAgeDays     a folder whose newest backup is older than this many days is stale
 * @param schedule       quartz cron expression for the check
 * @param ignorePrefixes folders (S3 key prefixes) that are never reported, in every bucket
 * @param listThreads    how many buckets are listed at the same time
 */
public record MonitorConfig(
        List<Bucket> buckets,
        Optional<String> sender,
        List<String> recipients,
        int maxAgeDays,
        String schedule,
        List<String> ignorePrefixes,
        int listThreads) {

    public static final int DEFAULT_MAX_AGE_DAYS = 7;
    public static final String DEFAULT_SCHEDULE = "0 0 8 * * ?";
    public static final int DEFAULT_LIST_THREADS = 8;
    /** The S3 client keeps 50 connections: more threads would only wait for one. */
    public static final int MAX_LIST_THREADS = 50;

    /**
     * A bucket to list: all of it, or only the keys under {@code prefix}.
     *
     * @param name    the bucket's name
     * @param prefix  key prefix without leading or trailing slashes; "" for the whole bucket
     * @param folders folders that must hold backups, as key prefixes below {@code prefix}
     */
    public record Bucket(String name, String prefix, List<String> folders) {

        public Bucket {
            folders = List.copyOf(folders);
        }

        /** The whole bucket, with no folders named. */
        public static Bucket named(String name) {
            return new Bucket(name, "", List.of());
        }

        /** {@code name} or {@code name/prefix}: how reports and problems name it. */
        public String location() {
            return prefix.isEmpty() ? name : name + "/" + prefix;
        }
    }

    public MonitorConfig {
        buckets = List.copyOf(buckets);
        recipients = List.copyOf(recipients);
        ignorePrefixes = List.copyOf(ignorePrefixes);
    }

    /** True when reports and notices are mailed through SES rather than written to the log. */
    public boolean mailsReports() {
        return sender.isPresent() && !recipients.isEmpty();
    }
}
