package io.github.duplicityunattended.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A backup bucket as duplicity leaves it, with backup sets ending at known times before {@code now}:
 * <ul>
 * <li>{@code etc}: a full backup and daily incrementals, the newest ending 1 day 6 hours ago (recent)</li>
 * <li>{@code home}: a full backup and one incremental ending 7 days 1 hour ago (stale after 7 days)</li>
 * <li>{@code srv/data}: a full backup of 1100 volumes, then an incremental ending 2 days 6 hours ago whose
 *     manifest sorts after the first 1000 keys of the bucket, so it is on the second page of a listing</li>
 * <li>{@code retired/old}: one full backup 400 days old (a retired dir, to be ignored)</li>
 * <li>{@code README.txt} and {@code tmp/upload.part}: objects that are no backups</li>
 * </ul>
 * Every set has its volumes and signature file beside the manifest. A second host's bucket, {@link #WEB1}, holds
 * ten keys:
 * <ul>
 * <li>{@code etc}: a full backup and an incremental ending 1 day 2 hours ago (recent)</li>
 * <li>{@code srv/www}: one full backup ending 12 days ago (stale)</li>
 * </ul>
 */
public final class SeededBucket {

    public static final String NAME = "my-host-backup";
    public static final String WEB1 = "web1-backup";
    public static final int DATA_VOLUMES = 1100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SeededBucket() {
    }

    public static void seed(S3ProxyServer s3, Instant now) {
        s3.createBucket(NAME);
        s3.put(NAME, "README.txt");
        s3.put(NAME, "tmp/upload.part");
        Instant etcFull = now.minus(days(8)).minus(hours(6));
        full(s3, "etc", etcFull, 2);
        for (int day = 7; day >= 1; day--) {
            Instant end = now.minus(days(day)).minus(hours(6));
            incremental(s3, "etc", end.minus(days(1)), end);
        }
        Instant homeFull = now.minus(days(30));
        full(s3, "home", homeFull, 3);
        incremental(s3, "home", homeFull, now.minus(days(7)).minus(hours(1)));
        Instant dataFull = now.minus(days(9));
        full(s3, "srv/data", dataFull, DATA_VOLUMES);
        incremental(s3, "srv/data", dataFull, now.minus(days(2)).minus(hours(6)));
        full(s3, "retired/old", now.minus(days(400)), 1);
    }

    /** The second host's bucket, {@link #WEB1}. */
    public static void seedWeb1(S3ProxyServer s3, Instant now) {
        s3.createBucket(WEB1);
        Instant etcFull = now.minus(days(5));
        full(s3, WEB1, "etc", etcFull, 2);
        incremental(s3, WEB1, "etc", etcFull, now.minus(days(1)).minus(hours(2)));
        full(s3, WEB1, "srv/www", now.minus(days(12)), 1);
    }

    /** A full backup set in {@link #NAME}. */
    public static void full(S3ProxyServer s3, String folder, Instant end, int volumes) {
        full(s3, NAME, folder, end, volumes);
    }

    /** A full backup set: signatures, manifest, volumes. */
    public static void full(S3ProxyServer s3, String bucket, String folder, Instant end, int volumes) {
        String t = STAMP.format(end);
        s3.put(bucket, folder + "/duplicity-full-signatures." + t + ".sigtar.gpg");
        s3.put(bucket, folder + "/duplicity-full." + t + ".manifest.gpg");
        for (int v = 1; v <= volumes; v++) {
            s3.put(bucket, folder + "/duplicity-full." + t + ".vol" + v + ".difftar.gpg");
        }
    }

    /** An incremental backup set in {@link #NAME}. */
    public static void incremental(S3ProxyServer s3, String folder, Instant start, Instant end) {
        incremental(s3, NAME, folder, start, end);
    }

    /** An incremental backup set from {@code start} to {@code end}: signatures, manifest, one volume. */
    public static void incremental(S3ProxyServer s3, String bucket, String folder, Instant start, Instant end) {
        String t = STAMP.format(start) + ".to." + STAMP.format(end);
        s3.put(bucket, folder + "/duplicity-new-signatures." + t + ".sigtar.gpg");
        s3.put(bucket, folder + "/duplicity-inc." + t + ".manifest.gpg");
        s3.put(bucket, folder + "/duplicity-inc." + t + ".vol1.difftar.gpg");
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
