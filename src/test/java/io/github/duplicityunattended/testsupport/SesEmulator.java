package io.github.duplicityunattended.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * The SES emulator aws-ses-v2-local (npm, installed into .tools/ses/ by .ci/install-monitor-tools), run as a
 * child process on a port the system chose (port 0), which it reports on its first lines. It keeps every mail it
 * receives and shows them as JSON at GET /store.
 */
public final class SesEmulator implements AutoCloseable {

    static final Path CLI = Path.of(".tools/ses/node_modules/aws-ses-v2-local/dist/cli.js");
    private static final Pattern LISTENING = Pattern.compile("server running at http://[^ ]*:(\\d+)");
    private static final Duration START_LIMIT = Duration.ofMinutes(1);
    private final Process process;
    private final CompletableFuture<Integer> port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One received mail. */
    public record ReceivedMail(String from, List<String> to, String subject, String text) {
    }

    private SesEmulator(Process process, CompletableFuture<Integer> port) {
        this.process = process;
        this.port = port;
    }

    public static SesEmulator start() throws Exception {
        return launch().awaitReady();
    }

    /** Starts the process and returns at once; {@link #awaitReady()} waits until it listens. */
    public static SesEmulator launch() throws IOException {
        if (!Files.isRegularFile(CLI)) {
            throw new IllegalStateException(CLI.toAbsolutePath() + " is missing: run .ci/install-monitor-tools");
        }
        Process process = new ProcessBuilder("node", CLI.toString(), "--host", "127.0.0.1", "--port", "0")
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            List<String> said = new ArrayList<>();
            try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    } else if (!port.isDone()) {
                        said.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("the SES emulator ended: " + said));
        }, "ses-emulator output");
        reader.setDaemon(true);
        reader.start();
        return new SesEmulator(process, port);
    }

    public SesEmulator awaitReady() throws InterruptedException {
        try {
            port.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the SES emulator did not start listening", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port.join());
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

    /** Waits until at least {@code count} mails have arrived (at most {@code timeout}) and returns them all. */
    public List<ReceivedMail> awaitMails(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ReceivedMail> mails = mails();
        while (mails.size() < count && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
            mails = mails();
        }
        return mails;
    }

    public void clear() throws Exception {
        http.send(HttpRequest.newBuilder(endpoint().resolve("/clear-store"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
