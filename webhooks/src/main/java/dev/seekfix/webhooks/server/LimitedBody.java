package dev.seekfix.webhooks.server;

import javax.crypto.Mac;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit and no further (a client that lies about or omits Content-Length cannot make
 * the server buffer more), feeding the HMAC as the bytes arrive.
 */
final class LimitedBody {

    private LimitedBody() {
    }

    /** @return the body, or null when it is longer than {@code limit} bytes */
    static byte[] read(InputStream in, long limit, Mac mac, int expectedLength) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedLength > 0 ? (int) Math.min(expectedLength, limit) : 8192);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > limit) return null;
            out.write(chunk, 0, n);
            if (mac != null) mac.update(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
