package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of an HTTP server (S3Proxy) that the test controls: it passes every request on
 * until a request line matches what {@link #hold} names, then holds that request, unanswered and never
 * passed on, until the proxy is closed. A backup waiting on that upload is mid-way for as long as the
 * test needs, without any race on timing.
 *
 * <p>A request line is recognised at the start of what the client sends on a connection (HTTP clients
 * send the next request only after the previous answer), which is how S3 clients talk.
 */
public final class StallingProxy implements AutoCloseable {

    private static final Pattern REQUEST_LINE = Pattern.compile("^([A-Z]+ /\\S* HTTP/1\\.[01])\r\n");

    private final ServerSocket server;
    private final int targetPort;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Predicate<String> hold = line -> false;
    private volatile Duration delay = Duration.ZERO;

    private StallingProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** Listens on a loopback port of its own, passing connections on to {@code target}'s port. */
    public static StallingProxy to(URI target) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        StallingProxy proxy = new StallingProxy(server, target.getPort());
        daemon("stalling-proxy-accept", proxy::accept);
        return proxy;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on, holds every request whose request line ({@code PUT /bucket/key HTTP/1.1}) matches. */
    public void hold(Predicate<String> requestLine) {
        hold = requestLine;
    }

    /**
     * From now on, every request waits this long before it goes on: the round trip to a remote region, for a
     * benchmark against a server in the same JVM (a test waits on {@link #hold} instead).
     */
    public void delay(Duration each) {
        delay = each;
    }

    /** Every request line seen so far, in order, held ones included. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** Waits until a request is held; false if none was within {@code limit}. */
    public boolean awaitHeld(Duration limit) throws InterruptedException {
        return held.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                // no Nagle wait on what is passed on: the only waits are the ones this proxy is told to add
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                daemon("stalling-proxy-request", () -> requests(client, upstream));
                daemon("stalling-proxy-response", () -> pump(upstream, client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** Client to server, looking at each request line first. */
    private void requests(Socket client, Socket upstream) {
        byte[] buffer = new byte[65536];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                Matcher m = REQUEST_LINE.matcher(new String(buffer, 0, Math.min(n, 2048), StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    requestLines.add(m.group(1));
                    if (hold.test(m.group(1))) {
                        held.countDown();
                        closed.await();
                        return;
                    }
                    Thread.sleep(delay.toMillis());
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // a side closed the connection
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed
        }
    }

    /** Releases held requests by closing every connection, and stops listening. */
    @Override
    public void close() {
        closed.countDown();
        closeQuietly(server);
        sockets.forEach(StallingProxy::closeQuietly);
    }
}
