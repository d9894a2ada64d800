package io.github.duplicityunattended.bench;

import io.github.duplicityunattended.app.LogSetup;
import io.github.duplicityunattended.config.LogLevel;
import io.github.duplicityunattended.testsupport.S3ProxyServer;
import io.github.duplicityunattended.testsupport.SeededBucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The S3 side of bench/monitor-check.sh, in a JVM of its own so that the clients' CPU time and memory are theirs
 * alone: S3Proxy in memory on a port it binds itself, {@link SeededBucket#NAME} filled with {@code folders}
 * folders ({@code host/dir0000}, ...) of {@code perFolder} keys as duplicity leaves them, the newest backup of
 * each ending 1 to 10 days ago. Writes the endpoint to the file given, then serves until it is killed.
 * Arguments: endpoint file, folders, keys per folder.
 */
public final class CheckBenchServer {

    private CheckBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        Path endpointFile = Path.of(args[0]);
        int folders = Integer.parseInt(args[1]);
        int perFolder = Integer.parseInt(args[2]);
        LogSetup.install();
        LogSetup.level(LogLevel.QUIET);
        try (S3ProxyServer s3 = S3ProxyServer.startInMemory()) {
            // the seed's newest sets end 11 to 20 days before the instant given
            MonitorListingBench.seed(s3, SeededBucket.NAME, folders, perFolder,
                    Instant.now().plus(Duration.ofDays(10)));
            Path written = Files.writeString(endpointFile.resolveSibling(endpointFile.getFileName() + ".tmp"),
                    s3.endpoint() + "\n");
            Files.move(written, endpointFile);
            Thread.currentThread().join();
        }
    }
}
