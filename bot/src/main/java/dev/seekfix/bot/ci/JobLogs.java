package dev.seekfix.bot.ci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Downloads one job's log. {@code GET /repos/{o}/{r}/actions/jobs/{id}/logs} answers 302 with a signed URL that
 * expires after a minute (GITHUB.md, "CI events"), so the redirect is followed at once, by hand: the installation
 * token must not travel to the storage host, which authenticates by the URL's signature. An expired URL (403) is
 * asked for again once. Logs are capped; past the cap the end is kept, where the failing step is.
 */
public final class JobLogs {

    private final HttpClient http;
    private final URI apiBase;
    private final int maxBytes;
    private final Duration timeout;

    /**
     * @param http    must not follow redirects by itself ({@link HttpClient.Redirect#NEVER})
     * @param apiBase the REST base, e.g. {@code https://api.github.com}
     */
    public JobLogs(HttpClient http, URI apiBase, int maxBytes, Duration timeout) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("JobLogs needs an HttpClient with Redirect.NEVER, found "
                    + http.followRedirects() + ": a followed redirect would carry the token to the log storage host");
        }
        this.http = http;
        this.apiBase = apiBase;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    public String download(String repository, long jobId, String token) throws IOException, InterruptedException {
        URI endpoint = apiBase.resolve(basePath() + "/repos/" + repository + "/actions/jobs/" + jobId + "/logs");
        for (int round = 1; ; round++) {
            HttpResponse<InputStream> first = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = first.statusCode();
            if (status == 200) return readCapped(first.body());
            first.body().close();
            if (status == 404 || status == 410) {
                throw new JobLogUnavailableException("the log of job " + jobId + " in " + repository
                        + " is gone (HTTP " + status + "): logs expire, and a lost runner writes none");
            }
            if (status / 100 != 3) {
                throw new IOException("GET " + endpoint.getPath() + " answered HTTP " + status
                        + ", expected 302 to the log; check that the App has the actions:read permission");
            }
            Optional<String> location = first.headers().firstValue("Location");
            if (location.isEmpty()) {
                throw new IOException("GET " + endpoint.getPath() + " answered " + status + " without a Location");
            }
            HttpResponse<InputStream> log = http.send(HttpRequest.newBuilder(endpoint.resolve(location.get()))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (log.statusCode() == 200) return readCapped(log.body());
            log.body().close();
            // 403 from the storage host: the signed URL expired before we used it; ask for a fresh one once
            if (log.statusCode() == 403 && round == 1) continue;
            throw new IOException("downloading the log of job " + jobId + " from its signed URL answered HTTP "
                    + log.statusCode() + "; the URL lives one minute, try again");
        }
    }

    private String basePath() {
        String path = apiBase.getPath();
        return path == null || path.equals("/") ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Reads the body, keeping its last {@code maxBytes} bytes: memory stays under three times the cap. */
    private String readCapped(InputStream body) throws IOException {
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                total += n;
                if (out.size() > 2L * maxBytes) {
                    byte[] all = out.toByteArray();
                    out.reset();
                    out.write(all, all.length - maxBytes, maxBytes);
                }
            }
            byte[] bytes = out.toByteArray();
            if (bytes.length > maxBytes) bytes = Arrays.copyOfRange(bytes, bytes.length - maxBytes, bytes.length);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (total > maxBytes) {
                // drop the partial first line and say what was cut
                int nl = text.indexOf('\n');
                text = "[seekfix: the first " + (total - bytes.length) + " bytes of this log were skipped]\n"
                        + (nl >= 0 ? text.substring(nl + 1) : text);
            }
            return text;
        }
    }
}
