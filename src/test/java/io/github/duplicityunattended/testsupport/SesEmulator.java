package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * The SES emulator aws-ses-v2-local (npm, installed into .tools/ses/ by .ci/install-monitor-tools), run as a
 * child process on a free port. It keeps every mail it receives and shows them as JSON at GET /store.
 */
public final class SesEmulator implements AutoCloseable {

    static final Path CLI = Path.of(".tools/ses/node_modules/aws-ses-v2-local/dist/cli.js");
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One received mail. */
    public record ReceivedMail(String from, List<String> to, String subject, String text) {
    }

    private SesEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SesEmulator start() throws Exception {
        return start(freePort());
    }

    public static SesEmulator start(int port) throws Exception {
        return launch(port).awaitReady();
    }

    /** Starts the process and returns at once; {@link #awaitReady()} waits until it answers. */
    public static SesEmulator launch(int port) throws IOException {
        if (!Files.isRegularFile(CLI)) {
            throw new IllegalStateException(CLI.toAbsolutePath() + " is missing: run .ci/install-monitor-tools");
        }
        Process process = new ProcessBuilder("node", CLI.toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new SesEmulator(process, port);
    }

    public SesEmulator awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!healthy()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("the SES emulator did not start on port " + port);
            }
            Thread.sleep(50);
        }
        return this;
    }

    /** A port nothing listens on (yet). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public List<ReceivedMail> mails() throws Exception {
        String json = http.send(HttpRequest.newBuilder(endpoint().resolve("/store")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonArray emails = ((JsonObject) Jsoner.deserialize(json)).getCollection("emails");
        return emails.stream().map(e -> (Map<?, ?>) e).map(e -> new ReceivedMail(
                (String) e.get("from"),
                ((List<?>) ((Map<?, ?>) e.get("destination")).get("to")).stream().map(String::valueOf).toList(),
                (String) e.get("subject"),
                (String) ((Map<?, ?>) e.get("body")).get("text"))).toList();
    }

    /** Waits until at least {@code count} mails have arrived and returns them all. */
    public List<ReceivedMail> awaitMails(int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<ReceivedMail> mails = mails();
        while (mails.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            mails = mails();
        }
        return mails;
    }

    public void clear() throws Exception {
        http.send(HttpRequest.newBuilder(endpoint().resolve("/clear-store"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(endpoint().resolve("/health-check")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
