package io.github.duplicityunattended.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import org.apache.hc.client5.http.socket.LayeredConnectionSocketFactory;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The https sockets of the notifications' HTTP client, with TLS set up at the first https request: making the
 * TLS context at start loads some 500 classes (security providers, the JSSE) that a host without https
 * notifications never needs. Every call goes to the factory {@code make} returns, made once.
 */
@SuppressWarnings("deprecation") // the socket factory API that camel-http's connection manager is built on
final class LazyTlsSocketFactory implements LayeredConnectionSocketFactory {

    /** Makes the real factory; may fail as setting up TLS can. */
    interface Maker {
        LayeredConnectionSocketFactory make() throws Exception;
    }

    private final Maker maker;
    private LayeredConnectionSocketFactory tls;

    LazyTlsSocketFactory(Maker maker) {
        this.maker = maker;
    }

    synchronized LayeredConnectionSocketFactory tls() throws IOException {
        if (tls == null) {
            try {
                tls = maker.make();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("cannot set up TLS: " + e.getMessage(), e);
            }
        }
        return tls;
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        return tls().createSocket(context);
    }

    @Override
    public Socket createSocket(Proxy proxy, HttpContext context) throws IOException {
        return tls().createSocket(proxy, context);
    }

    @Override
    public Socket connectSocket(TimeValue connectTimeout, Socket socket, HttpHost host, InetSocketAddress remote,
                                InetSocketAddress local, HttpContext context) throws IOException {
        return tls().connectSocket(connectTimeout, socket, host, remote, local, context);
    }

    @Override
    public Socket connectSocket(Socket socket, HttpHost host, InetSocketAddress remote, InetSocketAddress local,
                                Timeout connectTimeout, Object attachment, HttpContext context) throws IOException {
        return tls().connectSocket(socket, host, remote, local, connectTimeout, attachment, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
        return tls().createLayeredSocket(socket, target, port, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return tls().createLayeredSocket(socket, target, port, attachment, context);
    }
}
