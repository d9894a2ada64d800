package io.github.duplicityunattended.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * A loopback port where no server runs: every connection is refused. The port is bound (never listening, and
 * without SO_REUSEADDR) for as long as this is open, so no other process can start listening on it meanwhile, as
 * one could on a port found free and closed again.
 */
public final class RefusingPort implements AutoCloseable {

    private final Socket socket;

    private RefusingPort(Socket socket) {
        this.socket = socket;
    }

    public static RefusingPort open() throws IOException {
        Socket socket = new Socket();
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new RefusingPort(socket);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** An http:// URL on this port. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
