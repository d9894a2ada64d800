package io.github.duplicityunattended.e2e;

import io.github.duplicityunattended.testsupport.Duplicity;
import io.github.duplicityunattended.testsupport.GpgKey;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/** Real parts for the end-to-end tests: an S3Proxy server, a throwaway GnuPG key, credentials files. */
final class BackupEnvironment implements AutoCloseable {

    final Path root;
    final GpgKey key;
    final S3ProxyServer s3;
    final Path botoCredentials;

    BackupEnvironment(Path root) throws Exception {
        this.root = root;
        this.key = GpgKey.create(root);
        this.s3 = S3ProxyServer.start(Files.createDirectories(root.resolve("s3-data")));
        this.botoCredentials = privateFile(root.resolve("aws_credentials"), List.of(
                "[Credentials]",
                "aws_access_key_id = " + S3ProxyServer.ACCESS_KEY,
                "aws_secret_access_key = " + S3ProxyServer.SECRET_KEY));
    }

    static Path privateFile(Path file, List<String> lines) throws IOException {
        Files.write(file, lines);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A config in the original's style (s3+http:// bucket URL) plus the endpoint of the local S3 server. */
    Path config(Path dir, String bucket, List<Path> sources, String extra) throws IOException {
        return config(dir, bucket, sources, s3.endpoint(), extra);
    }

    /** The same config with duplicity reaching S3 at {@code endpoint}: the server, or a proxy in front of it. */
    Path config(Path dir, String bucket, List<Path> sources, URI endpoint, String extra) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("cloud: aws\n");
        y.append("gpg_key_id: ").append(key.fingerprint()).append('\n');
        y.append("bucket_url: s3+http://").append(bucket).append('\n');
        y.append("full_if_older_than: 1M\n");
        y.append("aws_config_file: ").append(botoCredentials).append('\n');
        y.append("s3_endpoint_url: ").append(endpoint).append('\n');
        y.append("gpg_home: ").append(key.home()).append('\n');
        y.append("archive_dir: ").append(dir.resolve("cache")).append('\n');
        Duplicity.chosen().ifPresent(path -> y.append("duplicity_path: ").append(path).append('\n'));
        y.append(extra);
        y.append("backup_dirs:\n");
        for (Path source : sources) {
            y.append("  - source: \"").append(source).append("\"\n");
            y.append("    excludes: [\"**/*.tmp\"]\n");
        }
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, y.toString());
        return file;
    }

    /** Points a config written by {@link #config} at another credentials file. */
    static void useCredentials(Path config, Path credentials) throws IOException {
        String yaml = Files.readString(config);
        String key = "aws_config_file: ";
        int start = yaml.indexOf(key) + key.length();
        Files.writeString(config, yaml.substring(0, start) + credentials + yaml.substring(yaml.indexOf('\n', start)));
    }

    /** Environment for plain duplicity against the local S3 server, as the README's restore steps set it. */
    Map<String, String> duplicityEnv() {
        return Map.of("BOTO_CONFIG", botoCredentials.toString(), "GNUPGHOME", key.home().toString(),
                "PASSPHRASE", "", "AWS_REQUEST_CHECKSUM_CALCULATION", "when_required",
                "AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
    }

    /** The S3 folder duplicity writes a source dir to: bucket_url + source, without the bucket. */
    static String folder(Path source) {
        return source.toString().substring(1);
    }

    @Override
    public void close() throws Exception {
        s3.close();
        key.close();
    }
}
