package io.crossflight.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on 127.0.0.1: records every delivery with its Standard Webhooks headers
 * and answers {@link #answer} (204 unless a test changes it). The services refuse loopback
 * targets unless {@code crossflight.webhooks.allow-private-targets} is on (see {@link LoopbackWebhooks}).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery; {@code receivedNanos} ({@link System#nanoTime()}) and {@code at} as for {@link SseClient.Event}. */
    public record Received(String id, String timestamp, String signature, String body, long receivedNanos, Instant at) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public volatile int answer = 204;
    private final HttpServer server;
    private final ExecutorService executor;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        });
    }

    /** On a free port. */
    public static WebhookReceiver start() throws IOException {
        return start(0);
    }

    public static WebhookReceiver start(int port) throws IOException {
        WebhookReceiver r = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50));
        r.server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                r.received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), System.nanoTime(), Instant.now()));
            }
            exchange.sendResponseHeaders(r.answer, -1);
            exchange.close();
        });
        r.server.setExecutor(r.executor);
        r.server.start();
        return r;
    }

    /** A loopback port nothing listens on (yet). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /**
     * The webhook-signature header a receiver expects (Standard Webhooks, {@code v1} HMAC-SHA256 of
     * {@code id.timestamp.body} under the base64 key after {@code whsec_}); written from the
     * specification, not from the services' code.
     */
    public static String sign(String secret, String id, long timestamp, String body) throws Exception {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a whsec_ secret: " + secret);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
