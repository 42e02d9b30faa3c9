package io.weft.jobmanager.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.runtime.rpc.RestToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A test client of the REST endpoint: java.net.http over HTTP/1.1 with bounded waits, JSON answers as trees. */
public final class RestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final RestToken token;

    /** A client that sends no token: reads work, changes get 401. */
    public RestClient(String base) {
        this(base, null);
    }

    /** A client that sends {@code token} (null: none) with every request. */
    public RestClient(String base, RestToken token) {
        this.base = base;
        this.token = token;
    }

    /** The same endpoint without the token. */
    public RestClient withoutToken() {
        return new RestClient(base, null);
    }

    /** A response: status, headers, the body as text and as JSON (null when it is not JSON). */
    public record Response(int status, HttpHeaders headers, String body, JsonNode json) {
        /** The first error message of an error response. */
        public String error() {
            return json == null || !json.has("errors") ? null : json.get("errors").get(0).asText();
        }
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    Response patch(String path) throws IOException, InterruptedException {
        return send("PATCH", path, null, null);
    }

    public Response delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null, null);
    }

    public Response postJson(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads {@code content} as the file part {@code field} of a multipart/form-data body. */
    public Response upload(String field, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "weft-" + UUID.randomUUID();
        return send("POST", "/jars/upload", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, field, fileName, content));
    }

    static byte[] multipart(String boundary, String field, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Sends raw bytes on a fresh connection to {@code port} and reads until the server closes it (at most 30 s). */
    static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The first response of a {@link #raw} answer (status line, headers, and a body of its Content-Length). */
    static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("Not an HTTP/1.1 response: " + raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("Content-Length", List.of("0")).get(0));
        byte[] bytes = raw.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        String body = new String(bytes, 0, Math.min(length, bytes.length), StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(lines[0].substring(9, 12)), HttpHeaders.of(headers, (k, v) -> true),
                body, json(body));
    }

    Response send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header(RestToken.HEADER, token.headerValue());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers(), response.body(), json(response.body()));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
