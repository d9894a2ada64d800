package io.github.duplicityunattended.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tests' fault proxy in front of a small HTTP server that keeps every request body it receives. */
class FaultProxyTest {

    private static final Duration LIMIT = Duration.ofMinutes(1);
    private HttpServer upstream;
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();
    private FaultProxy proxy;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.put(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), body);
            byte[] reply = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + body.length).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        upstream.start();
        proxy = FaultProxy.start(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.stop(0);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(proxy.endpoint().resolve(path)).timeout(LIMIT);
    }

    private HttpRequest put(String path, byte[] body) {
        return request(path).PUT(BodyPublishers.ofByteArray(body)).build();
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, BodyHandlers.ofString());
    }

    @Test
    void requestsWithLengthChunkedAndNoBodyPassUnchangedOnOneKeptAliveConnection() throws Exception {
        byte[] volume = Trees.random(300_000, 1);
        byte[] streamed = Trees.random(100_000, 2);

        assertEquals("PUT /bucket/vol1 300000", send(request("/bucket/vol1").expectContinue(true)
                .PUT(BodyPublishers.ofByteArray(volume)).build()));
        assertEquals("POST /bucket/streamed 100000", send(request("/bucket/streamed")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(streamed))).build()));
        assertEquals("GET /bucket 0", send(request("/bucket?list-type=2").GET().build()));

        assertArrayEquals(volume, received.get("PUT /bucket/vol1"));
        assertArrayEquals(streamed, received.get("POST /bucket/streamed"));
        assertEquals(List.of("PUT /bucket/vol1", "POST /bucket/streamed", "GET /bucket?list-type=2"),
                proxy.requests().stream().map(RequestHead::toString).toList());
        assertEquals("chunked", proxy.requests().get(1).headers().get("transfer-encoding"), "the body was chunked");
        assertEquals(1, proxy.connections(), "the three requests shared one connection");
    }

    @Test
    void theNthMatchingUploadIsHeldUntilReleasedWhileOtherRequestsPass() throws Exception {
        Hold second = proxy.hold(FaultProxy.upload("duplicity-full.", ".difftar.gpg"), 2);
        byte[] vol2 = Trees.random(200_000, 3);
        send(put("/b/my%20src/duplicity-full.20300615T080000Z.vol1.difftar.gpg", new byte[] {1}));
        send(put("/b/my%20src/duplicity-full-signatures.20300615T080000Z.sigtar.gpg", new byte[] {2}));

        CompletableFuture<HttpResponse<String>> upload = sendAsync(
                put("/b/my%20src/duplicity-full.20300615T080000Z.vol2.difftar.gpg", vol2));
        RequestHead held = second.awaitHeld(LIMIT);

        assertEquals("/b/my src/duplicity-full.20300615T080000Z.vol2.difftar.gpg", held.path());
        assertTrue(second.isHeld());
        send(request("/b?list-type=2").GET().build());
        assertFalse(upload.isDone(), "the held upload was answered");
        assertFalse(received.containsKey("PUT " + held.path()), "the held upload reached the server");

        second.release();
        assertEquals(200, upload.get(LIMIT.toSeconds(), TimeUnit.SECONDS).statusCode());
        assertArrayEquals(vol2, received.get("PUT " + held.path()));
        send(put("/b/my%20src/duplicity-full.20300615T080000Z.vol3.difftar.gpg", new byte[] {3}));
    }

    /** Sends PUT /b/vol1 with a hold on it and returns once the proxy holds it. */
    private CompletableFuture<HttpResponse<String>> heldUpload(Hold hold) throws InterruptedException {
        CompletableFuture<HttpResponse<String>> upload = sendAsync(put("/b/vol1", new byte[1000]));
        hold.awaitHeld(LIMIT);
        return upload;
    }

    private static void assertReset(CompletableFuture<HttpResponse<String>> request) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> request.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void aDroppedUploadIsResetAndNeverReachesTheServerWhileTheRetryPasses() throws Exception {
        Hold first = proxy.hold(FaultProxy.upload("vol", ""), 1);
        CompletableFuture<HttpResponse<String>> upload = heldUpload(first);

        first.drop();

        assertReset(upload);
        assertFalse(received.containsKey("PUT /b/vol1"));
        assertEquals("PUT /b/vol1 1000", send(put("/b/vol1", new byte[1000])));
    }

    @Test
    void whileTheServerIsDownEveryConnectionIsResetAndAfterwardsRequestsPassAgain() throws Exception {
        Hold hold = proxy.hold(FaultProxy.upload("vol", ""), 1);
        CompletableFuture<HttpResponse<String>> inFlight = heldUpload(hold);

        proxy.down();
        hold.release();

        assertReset(inFlight);
        assertThrows(IOException.class, () -> send(request("/b?list-type=2").GET().build()));
        assertTrue(received.isEmpty(), received.keySet()::toString);
        proxy.up();
        assertEquals("GET /b 0", send(request("/b?list-type=2").GET().build()));
    }

    @Test
    void aSlowedUploadTakesAtLeastItsSizeOverTheRateAndArrivesWhole() throws Exception {
        byte[] body = Trees.random(100_000, 4);
        proxy.slow(50_000);

        long start = System.nanoTime();
        send(put("/b/slow", body));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.toMillis() >= 1900, "100,000 bytes at 50,000 a second took " + took.toMillis() + " ms");
        assertArrayEquals(body, received.get("PUT /b/slow"));
    }

    @Test
    void everyRequestWaitsAtLeastTheDelayBeforeItGoesOn() throws Exception {
        proxy.delay(Duration.ofMillis(300));

        long start = System.nanoTime();
        assertEquals("GET /b 0", send(request("/b?list-type=2").GET().build()));
        assertEquals("PUT /b/k 3", send(put("/b/k", new byte[3])));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.toMillis() >= 600, "two requests delayed 300 ms each took " + took.toMillis() + " ms");
        assertArrayEquals(new byte[3], received.get("PUT /b/k"));
    }
}
