package io.github.duplicityunattended.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated configuration file. Every key is documented in {@link ConfigSchema}; the loader
 * ({@link ConfigLoader}) is the only way to make one from a file. {@code notices} are what the program
 * says once about the file when it starts (an old key name read as the new one, for example), each as
 * {@code file: dotted.path: what}.
 */
public record Config(
        Path file,
        Cloud cloud,
        String gpgKeyId,
        String bucketUrl,
        String fullIfOlderThan,
        OptionalInt removeAllButNFull,
        Optional<AwsCredentialsFile> awsCredentials,
        List<BackupDir> backupDirs,
        String schedule,
        Optional<URI> s3EndpointUrl,
        Optional<String> awsRegion,
        Optional<Path> gpgHome,
        Path archiveDir,
        List<String> duplicityOptions,
        Duration timeout,
        Duration lockWait,
        String duplicityPath,
        MonitorConfig monitor,
        Optional<URI> sesEndpointUrl,
        VerifyConfig verify,
        NotifyConfig notifications,
        MetricsConfig metrics,
        LogLevel logLevel,
        List<String> notices) {

    public static final Cloud DEFAULT_CLOUD = Cloud.AWS;
    public static final String DEFAULT_SCHEDULE = "0 0 2 * * ?";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);
    public static final String DEFAULT_DUPLICITY_PATH = "duplicity";
    public static final LogLevel DEFAULT_LOG_LEVEL = LogLevel.NORMAL;

    public Config {
        backupDirs = List.copyOf(backupDirs);
        duplicityOptions = List.copyOf(duplicityOptions);
        notices = List.copyOf(notices);
    }

    /** The bucket name of {@code bucket_url}, or empty for a target that is not a bucket (file://). */
    public Optional<String> bucketName() {
        return BucketUrl.bucketOf(bucketUrl);
    }
}
