package io.github.duplicityunattended.config;

import java.util.List;
import java.util.Optional;

/**
 * The {@code monitor:} section: which bucket to watch, who to tell, and when backups count as stale.
 *
 * @param bucket         bucket to list; defaults to the bucket of {@code bucket_url}
 * @param sender         SES sender address; absent means reports go to the log instead of email
 * @param recipients     SES recipient addresses; empty exactly when {@code sender} is absent
 * @param maxAgeDays     a folder whose newest backup is older than this many days is stale
 * @param schedule       quartz cron expression for the check
 * @param ignorePrefixes folders (S3 key prefixes) that are never reported
 */
public record MonitorConfig(
        String bucket,
        Optional<String> sender,
        List<String> recipients,
        int maxAgeDays,
        String schedule,
        List<String> ignorePrefixes) {

    public static final int DEFAULT_MAX_AGE_DAYS = 7;
    public static final String DEFAULT_SCHEDULE = "0 0 8 * * ?";

    public MonitorConfig {
        recipients = List.copyOf(recipients);
        ignorePrefixes = List.copyOf(ignorePrefixes);
    }

    /** True when reports and notices are mailed through SES rather than written to the log. */
    public boolean mailsReports() {
        return sender.isPresent() && !recipients.isEmpty();
    }
}
