package io.github.duplicityunattended.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection through {@link FaultProxy}: requests go to the server one by one, each only once the
 * proxy admits it, with its body copied to the byte its framing says; responses come back as the server sends
 * them. The server connection is opened for the first request that goes on.
 */
final class ProxiedConnection {

    private static final int BUFFER = 16 * 1024;
    private final FaultProxy proxy;
    private final Socket client;
    private final InetSocketAddress upstream;
    private volatile Socket server;
    /** Directions still open: requests, and responses once the server connection is opened. */
    private final AtomicInteger open = new AtomicInteger(1);

    ProxiedConnection(FaultProxy proxy, Socket client, InetSocketAddress upstream) {
        this.proxy = proxy;
        this.client = client;
        this.upstream = upstream;
    }

    void start() {
        Thread requests = new Thread(this::forwardRequests, "fault-proxy requests " + client.getPort());
        requests.setDaemon(true);
        requests.start();
    }

    /** Ends both sides at once with a TCP reset, as a crashed server or a lost network does. */
    void reset() {
        for (Socket s : new Socket[] {client, server}) {
            if (s != null) {
                try {
                    s.setSoLinger(true, 0);
                    s.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }
        proxy.closed(this);
    }

    /** Closes both sockets once requests and responses have both ended. */
    private void directionDone() throws IOException {
        if (open.decrementAndGet() == 0) {
            client.close();
            if (server != null) {
                server.close();
            }
            proxy.closed(this);
        }
    }

    private void forwardRequests() {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream(), BUFFER);
            RequestHead head;
            while ((head = RequestHead.read(in)) != null) {
                if (!proxy.admit(head)) {
                    reset();
                    return;
                }
                OutputStream out = serverOutput();
                out.write(head.bytes());
                switch (head.framing()) {
                    case LENGTH -> copy(in, out, head.contentLength());
                    case CHUNKED -> copyChunks(in, out);
                    case NONE -> { }
                }
                out.flush();
            }
            if (server != null) {
                server.shutdownOutput();
            }
            directionDone();
        } catch (IOException e) {
            // a request that ended half-way is not sent on as a complete one
            reset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset();
        }
    }

    private OutputStream serverOutput() throws IOException {
        if (server == null) {
            Socket s = new Socket();
            s.setTcpNoDelay(true); // as the client side: no Nagle wait on what is passed on
            s.connect(upstream);
            server = s;
            open.incrementAndGet();
            Thread responses = new Thread(this::forwardResponses, "fault-proxy responses " + client.getPort());
            responses.setDaemon(true);
            responses.start();
        }
        return server.getOutputStream();
    }

    private void forwardResponses() {
        try {
            server.getInputStream().transferTo(client.getOutputStream());
            client.shutdownOutput();
            directionDone();
        } catch (IOException e) {
            reset();
        }
    }

    /** Copies exactly {@code length} bytes, at the proxy's rate when it is slowed. */
    private void copy(InputStream in, OutputStream out, long length) throws IOException, InterruptedException {
        byte[] buffer = new byte[BUFFER];
        long start = System.nanoTime();
        long done = 0;
        while (done < length) {
            long rate = proxy.bytesPerSecond();
            int step = (int) Math.min(rate > 0 ? Math.max(1, Math.min(buffer.length, rate / 20)) : buffer.length,
                    length - done);
            int n = in.read(buffer, 0, step);
            if (n < 0) {
                throw new EOFException("the body ended after " + done + " of " + length + " bytes");
            }
            out.write(buffer, 0, n);
            done += n;
            if (rate > 0) {
                out.flush();
                long due = start + done * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
    }

    /** Copies a chunked body: each chunk, the last (empty) one and the trailer fields up to the blank line. */
    private void copyChunks(InputStream in, OutputStream out) throws IOException, InterruptedException {
        while (true) {
            String sizeLine = copyLine(in, out);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                while (!copyLine(in, out).isEmpty()) {
                    // trailer field
                }
                return;
            }
            copy(in, out, size);
            copyLine(in, out);
        }
    }

    /** Copies one CRLF-ended line and returns it without the CRLF. */
    private static String copyLine(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new EOFException("the connection ended inside a chunked body");
    }
}
