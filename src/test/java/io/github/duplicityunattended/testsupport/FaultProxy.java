package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A TCP proxy of the tests' own between a client (duplicity, the AWS SDK) and an HTTP server (S3Proxy, the SES
 * emulator), so a test decides when a fault happens instead of hoping one process is slower than another.
 * It forwards bytes both ways and reads each request's head to find where the request ends (kept-alive
 * connections, Content-Length and chunked bodies), which lets a test:
 * <ul>
 * <li>hold a request, say the second upload of a volume, until it has done what it needs, then release or drop
 *     it ({@link #hold});</li>
 * <li>take the server down: every open and every new connection is reset at once ({@link #down}), until
 *     {@link #up};</li>
 * <li>slow uploads down to a number of bytes a second ({@link #slow});</li>
 * <li>make every request wait a while before it goes on ({@link #delay}): the round trip to a remote region, for
 *     a benchmark against a server in the same JVM (a test holds a request instead).</li>
 * </ul>
 * It listens on a port of loopback the system chose (port 0) and reports it: no other process can take it.
 */
public final class FaultProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
    private final List<Hold> holds = new CopyOnWriteArrayList<>();
    private final List<RequestHead> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean down;
    private volatile long bytesPerSecond;
    private volatile Duration delay = Duration.ZERO;

    private FaultProxy(ServerSocket server, InetSocketAddress upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    /** Starts a proxy in front of the server at {@code upstream} (http://host:port). */
    public static FaultProxy start(URI upstream) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy(server, new InetSocketAddress(upstream.getHost(), upstream.getPort()));
        Thread acceptor = new Thread(proxy::accept, "fault-proxy " + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The URL clients use instead of the server's. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Holds the {@code nth} request that {@code matches}, and every later one, until released or dropped. */
    public Hold hold(Predicate<RequestHead> matches, int nth) {
        Hold hold = new Hold(matches, nth);
        holds.add(hold);
        return hold;
    }

    /** A PUT whose object name starts with {@code prefix} and ends with {@code suffix}. */
    public static Predicate<RequestHead> upload(String prefix, String suffix) {
        return r -> r.method().equals("PUT") && r.fileName().startsWith(prefix) && r.fileName().endsWith(suffix);
    }

    /** The server is down: every open connection is reset, and every new one as soon as it is accepted. */
    public void down() {
        down = true;
        open.forEach(ProxiedConnection::reset);
    }

    public void up() {
        down = false;
    }

    /** Request bytes go on at most at this rate; 0 for full speed. */
    public void slow(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** From now on, every request that goes on waits this long first; {@link Duration#ZERO} for none. */
    public void delay(Duration each) {
        delay = each;
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** The head of every request clients sent so far, in order, whether it went on or not. */
    public List<RequestHead> requests() {
        return List.copyOf(requests);
    }

    /** How many connections clients opened so far. */
    public int connections() {
        return accepted.get();
    }

    /** Records the request and waits while a hold applies; false when the request is to be dropped. */
    boolean admit(RequestHead head) throws InterruptedException {
        requests.add(head);
        for (Hold hold : holds) {
            if (!hold.pass(head)) {
                return false;
            }
        }
        Thread.sleep(delay.toMillis());
        return !down;
    }

    void closed(ProxiedConnection connection) {
        open.remove(connection);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true); // no Nagle wait on what is passed on: only the waits a test asks for
                accepted.incrementAndGet();
                ProxiedConnection connection = new ProxiedConnection(this, client, upstream);
                if (down) {
                    connection.reset();
                } else {
                    open.add(connection);
                    connection.start();
                }
            } catch (IOException e) {
                // closed, or one failed accept: the loop condition decides
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        holds.forEach(Hold::drop);
        open.forEach(ProxiedConnection::reset);
    }
}
