package io.github.duplicityunattended.testsupport;

import io.github.duplicityunattended.config.Config;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Configs of the monitor's tests: hosts backing up to S3Proxy, and the credentials file they name. */
public final class MonitorConfigs {

    private MonitorConfigs() {
    }

    /** A private boto-format credentials file holding S3Proxy's keys. */
    public static Path credentials(Path dir) throws IOException {
        Path file = dir.resolve("aws_credentials");
        Files.writeString(file, "[Credentials]\naws_access_key_id = " + S3ProxyServer.ACCESS_KEY
                + "\naws_secret_access_key = " + S3ProxyServer.SECRET_KEY + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The config of a host backing up /etc, /home, /srv/data and /var/www to {@link SeededBucket}. */
    public static String seededBucket(Path dir, S3ProxyServer s3, String ses, String monitor) throws IOException {
        return seededBucket(dir, s3.endpoint(), ses, monitor);
    }

    /** The same config, talking to S3 at {@code s3} (S3Proxy, or a proxy in front of it). */
    public static String seededBucket(Path dir, URI s3, String ses, String monitor) throws IOException {
        return """
                cloud: aws
                gpg_key_id: 0123456789ABCDEF
                bucket_url: s3+http://%s
                full_if_older_than: 1M
                aws_config_file: %s
                aws_region: eu-west-1
                s3_endpoint_url: %s
                ses_endpoint_url: %s
                archive_dir: %s
                # verbose: the log's in-effect settings stay as they are, so an in-process run keeps the tests'
                # log captures (S3Proxy's request log) attached
                log_level: verbose
                backup_dirs:
                  - source: /etc
                  - source: /home
                  - source: /srv/data
                  - source: /var/www
                monitor:
                %s
                """.formatted(SeededBucket.NAME, credentials(dir), s3, ses, dir.resolve("cache"),
                monitor.indent(2).stripTrailing());
    }

    /** The config of a host backing up /etc and /srv/data to {@code bucketUrl}, plus {@code more} top-level keys. */
    public static String host(Path dir, String bucketUrl, String more) {
        return """
                cloud: aws
                gpg_key_id: 0123456789ABCDEF
                bucket_url: %s
                full_if_older_than: 1M
                archive_dir: %s
                aws_region: eu-west-1
                backup_dirs:
                  - source: /etc
                  - source: /srv/data
                %s
                """.formatted(bucketUrl, dir.resolve("cache"), more);
    }

    public static Path write(Path dir, String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    public static Config load(Path dir, String yaml) throws Exception {
        return Configs.load(dir, yaml);
    }
}
