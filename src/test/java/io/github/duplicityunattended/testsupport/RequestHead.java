package io.github.duplicityunattended.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The head of one HTTP/1.1 request as a client sent it: the request line, the header fields and the exact
 * bytes, so a proxy can recognise a request, forward it unchanged and find where its body ends.
 */
public record RequestHead(String method, String target, Map<String, String> headers, byte[] bytes) {

    private static final int MAX_HEAD = 64 * 1024;
    /** CR LF CR LF as the last four bytes read. */
    private static final int BLANK_LINE_END = 0x0d0a0d0a;

    /** How the body that follows the head is framed. */
    enum Framing { NONE, LENGTH, CHUNKED }

    /** Reads the next head from {@code in}; null when the client closed the connection between requests. */
    static RequestHead read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = last4 << 8 | b;
            if (last4 == BLANK_LINE_END) {
                return parse(head.toByteArray());
            }
            if (head.size() > MAX_HEAD) {
                throw new IOException("no end of the request head in " + MAX_HEAD + " bytes");
            }
        }
        if (head.size() > 0) {
            throw new IOException("the connection ended inside a request head");
        }
        return null;
    }

    private static RequestHead parse(byte[] bytes) throws IOException {
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x request line: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, c) -> a + ", " + c);
            }
        }
        return new RequestHead(requestLine[0], requestLine[1], Map.copyOf(headers), bytes);
    }

    Framing framing() {
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            return Framing.CHUNKED;
        }
        return headers.containsKey("content-length") ? Framing.LENGTH : Framing.NONE;
    }

    long contentLength() {
        return Long.parseLong(headers.get("content-length"));
    }

    /** The path of the target, percent-decoded, without the query. */
    public String path() {
        int q = target.indexOf('?');
        String raw = q < 0 ? target : target.substring(0, q);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                decoded.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                decoded.write(c);
            }
        }
        return decoded.toString(StandardCharsets.UTF_8);
    }

    /** The last segment of the path: for S3, the file name of the object's key. */
    public String fileName() {
        String path = path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}
