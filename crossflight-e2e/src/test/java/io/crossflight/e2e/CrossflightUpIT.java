package io.crossflight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./crossflight up} as a user runs it: the real launcher jar starts an embedded
 * PostgreSQL, a KRaft Kafka broker and the three packaged services, on ports of their own so a
 * developer's running stack is not disturbed. The seed article goes in over HTTP; both stores
 * must answer with Soyuz MS-22 and its crew; SIGTERM stops everything cleanly; a restart on the
 * same data directory still has the data.
 */
class CrossflightUpIT {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path home;
    private static Path launcherJar;
    private static Path seed;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Launcher> launched = new ArrayList<>();
    /** What a failing wait adds to its message: the extraction result and the parts' logs. */
    private String diagnostics = "";

    @TempDir
    Path data;

    @BeforeAll
    static void locateTheBuild() {
        home = Path.of(System.getProperty("crossflight.home", "..")).toAbsolutePath().normalize();
        launcherJar = Path.of(System.getProperty("crossflight.launcher.jar",
                home.resolve("crossflight-launcher/target/crossflight-launcher.jar").toString()));
        seed = home.resolve("demo/000_fb0ee394c0ba0c6a.txt");
        assertTrue(Files.isRegularFile(launcherJar), "the launcher is packaged before this module: " + launcherJar);
        assertTrue(Files.isRegularFile(seed), "seed article: " + seed);
        for (String s : List.of("news-ingest-service", "mission-service", "crew-service")) {
            Path jar = home.resolve(s).resolve("target/quarkus-app/quarkus-run.jar");
            assertTrue(Files.isRegularFile(jar), "the services are packaged before this module: " + jar);
        }
    }

    @AfterEach
    void killWhateverIsLeft() {
        for (Launcher l : launched) {
            l.kill();
        }
    }

    @Test
    void seedArticleReachesBothStoresAndARestartKeepsTheData() throws Exception {
        Ports ports = Ports.free();

        Launcher first = start(ports);
        first.awaitUp();

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(ports.ingest("/articles"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(seed)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, posted.statusCode(), "new article is accepted: " + posted.body());
        String articleId = JSON.readTree(posted.body()).path("id").asText();
        assertFalse(articleId.isEmpty(), posted.body());
        diagnostics = "\nPOST /articles answered " + posted.body();

        JsonNode mission = awaitJson(ports.mission("/missions/soyuz-ms-22"), PIPELINE_TIMEOUT,
                m -> crewNames(m).containsAll(List.of("prokopyev", "petelin", "rubio")));
        assertEquals("soyuz-ms-22", mission.path("id").asText());
        awaitJson(ports.crew("/crew?q=Rubio"), PIPELINE_TIMEOUT, c -> ids(c.path("items")).contains("francisco-rubio"));

        // The second seed names Crew-5 with Kikina and swaps her for Rubio on Soyuz MS-22; it also
        // tells which mission seed 000's unnamed "Crew Dragon flight later this autumn" was.
        HttpResponse<String> second002 = http.send(HttpRequest.newBuilder(ports.ingest("/articles"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(seed.resolveSibling("002_874878a65ba7efb4.txt")))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, second002.statusCode(), second002.body());
        String article002 = JSON.readTree(second002.body()).path("id").asText();
        diagnostics += "\nPOST /articles (seed 002) answered " + second002.body();
        JsonNode crew5 = awaitJson(ports.mission("/missions/crew-5/history"), PIPELINE_TIMEOUT,
                h -> launchDateClaims(h).size() == 2);
        assertEquals(Set.of(articleId, article002), Set.copyOf(launchDateClaims(crew5)),
                "both launch-date claims, each with its source article: " + crew5);
        JsonNode ms22 = awaitJson(ports.mission("/missions/soyuz-ms-22/history"), PIPELINE_TIMEOUT,
                h -> h.path("items").size() == 2);
        assertTrue(ms22.toString().contains("\"crew.anna-kikina\"") && ms22.toString().contains("\"removed\""),
                "the Kikina -> Rubio swap is in the history: " + ms22);
        JsonNode latin = awaitJson(ports.crew("/crew?q=kikina"), PIPELINE_TIMEOUT, c -> ids(c.path("items")).contains("anna-kikina"));
        JsonNode cyrillic = getJson(ports.crew("/crew?q=" + java.net.URLEncoder.encode("Кикина", java.nio.charset.StandardCharsets.UTF_8)), 200);
        assertEquals(ids(latin.path("items")), ids(cyrillic.path("items")), "Latin and Cyrillic searches find the same people");
        awaitJson(ports.crew("/crew/anna-kikina"), PIPELINE_TIMEOUT, k -> k.path("missions").size() == 1);
        assertEquals(assignmentsByMissionService(ports), assignmentsByCrewService(ports),
                "every person's missions agree between the two stores once both caught up");

        first.terminate();
        assertEquals(0, first.exitCode(), "SIGTERM stops the stack cleanly\n" + first.output());
        assertTrue(first.output().lines().anyMatch(l -> l.contains("postgres") && l.contains("ready") && l.contains("new cluster")),
                "a new data folder gets a new cluster\n" + first.output());
        assertTrue(first.output().lines().anyMatch(l -> l.contains("postgres") && l.contains("stopped")), first.output());
        assertFalse(first.anyChildAlive(), "no part of the stack outlives the launcher");
        assertFalse(Files.exists(data.resolve("postgres/postmaster.pid")), "PostgreSQL was shut down");

        Launcher second = start(ports);
        second.awaitUp();
        // the same data folder: the cluster, databases and Kafka storage are reused, not made anew
        String restart = second.output();
        assertTrue(restart.lines().anyMatch(l -> l.contains("postgres") && l.contains("ready")), restart);
        assertFalse(restart.contains("new cluster") || restart.contains("databases created") || restart.contains("new storage"), restart);
        // No waiting this time: the stores answer from what they kept.
        JsonNode kept = getJson(ports.mission("/missions/soyuz-ms-22"), 200);
        assertTrue(crewNames(kept).containsAll(List.of("prokopyev", "petelin", "rubio")), kept.toString());
        JsonNode rubio = getJson(ports.crew("/crew/francisco-rubio"), 200);
        assertEquals("francisco-rubio", rubio.path("id").asText());
        getJson(ports.ingest("/articles/" + articleId), 200);
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(ports.ingest("/articles"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(seed)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode(), "the ingest service remembers the article: " + again.body());
        assertTrue(JSON.readTree(again.body()).path("duplicate").asBoolean(), again.body());

        second.terminate();
        assertEquals(0, second.exitCode(), second.output());
    }

    @Test
    void aTakenPortIsNamedAndNothingStarts() throws Exception {
        Ports ports = Ports.free();
        try (ServerSocket squatter = new ServerSocket(ports.postgres)) {
            Launcher l = start(ports);
            assertTrue(l.process.waitFor(60, TimeUnit.SECONDS), "exits at once\n" + l.output());
            assertEquals(1, l.exitCode(), l.output());
            assertTrue(l.output().contains("port " + ports.postgres + " (postgres) is already in use"), l.output());
        }
        assertFalse(Files.exists(data.resolve("postgres")), "nothing was started");
    }

    // --- helpers -----------------------------------------------------------------------------

    private Launcher start(Ports ports) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", launcherJar.toString(), "up", "--data", data.toString()));
        cmd.addAll(ports.flags());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        // The suite must not pick up a developer's launcher settings.
        pb.environment().keySet().removeIf(k -> k.startsWith("CROSSFLIGHT_"));
        Launcher l = new Launcher(pb.start(), data);
        launched.add(l);
        return l;
    }

    private JsonNode getJson(URI uri, int expectedStatus) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, res.statusCode(), uri + " answered " + res.body());
        return JSON.readTree(res.body());
    }

    /** Polls until GET uri answers 200 with a body that satisfies the condition. */
    private JsonNode awaitJson(URI uri, Duration timeout, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                last = res.statusCode() + " " + res.body();
                if (res.statusCode() == 200) {
                    JsonNode body = JSON.readTree(res.body());
                    if (condition.test(body)) {
                        return body;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        Launcher current = launched.get(launched.size() - 1);
        return fail("GET " + uri + " did not answer as expected within " + timeout.toSeconds() + " s; last: " + last
                + diagnostics + current.logs());
    }

    /** Lower-cased surnames (last word of each name) of a mission's crew. */
    private static List<String> crewNames(JsonNode mission) {
        List<String> names = new ArrayList<>();
        for (JsonNode member : mission.path("crew")) {
            String[] words = member.path("name").asText().trim().toLowerCase().split("\\s+");
            names.add(words[words.length - 1]);
        }
        return names;
    }

    /** person id -> "mission id:assignment" as mission-service lists its missions' crews. */
    private java.util.Map<String, Set<String>> assignmentsByMissionService(Ports ports) throws Exception {
        java.util.Map<String, Set<String>> out = new java.util.TreeMap<>();
        for (String mission : ids(getJson(ports.mission("/missions?size=100"), 200).path("items"))) {
            for (JsonNode member : getJson(ports.mission("/missions/" + mission), 200).path("crew")) {
                out.computeIfAbsent(member.path("id").asText(), k -> new java.util.TreeSet<>())
                        .add(mission + ":" + member.path("assignment").asText());
            }
        }
        return out;
    }

    /** The same, as crew-service lists each person's missions. */
    private java.util.Map<String, Set<String>> assignmentsByCrewService(Ports ports) throws Exception {
        java.util.Map<String, Set<String>> out = new java.util.TreeMap<>();
        for (String person : ids(getJson(ports.crew("/crew?size=100"), 200).path("items"))) {
            for (JsonNode m : getJson(ports.crew("/crew/" + person), 200).path("missions")) {
                out.computeIfAbsent(person, k -> new java.util.TreeSet<>()).add(m.path("id").asText() + ":" + m.path("assignment").asText());
            }
        }
        return out;
    }

    /** The articles behind each launch-date claim in a mission history. */
    private static List<String> launchDateClaims(JsonNode history) {
        List<String> articles = new ArrayList<>();
        for (JsonNode entry : history.path("items")) {
            for (JsonNode claim : entry.path("claims")) {
                if ("launchDate".equals(claim.path("field").asText())) {
                    articles.add(entry.path("articleId").asText());
                }
            }
        }
        return articles;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** Six ports nobody listens on right now, for the five parts (Kafka has two listeners). */
    record Ports(int ingestPort, int missionPort, int crewPort, int postgres, int kafka, int controller) {
        static Ports free() throws IOException {
            int[] p = new int[6];
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < p.length; i++) {
                    ServerSocket s = new ServerSocket(0);
                    held.add(s);
                    p[i] = s.getLocalPort();
                }
            } finally {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5]);
        }

        List<String> flags() {
            return List.of("--ingest-port", "" + ingestPort, "--mission-port", "" + missionPort, "--crew-port", "" + crewPort,
                    "--pg-port", "" + postgres, "--kafka-port", "" + kafka, "--kafka-controller-port", "" + controller);
        }

        URI ingest(String path) {
            return URI.create("http://127.0.0.1:" + ingestPort + path);
        }

        URI mission(String path) {
            return URI.create("http://127.0.0.1:" + missionPort + path);
        }

        URI crew(String path) {
            return URI.create("http://127.0.0.1:" + crewPort + path);
        }
    }

    /** A running launcher; its output is echoed to the test log and kept for assertions. */
    static final class Launcher {
        final Process process;
        private final Path data;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final List<ProcessHandle> children = new ArrayList<>();
        private final Thread reader;

        Launcher(Process process, Path data) {
            this.process = process;
            this.data = data;
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null;) {
                        lines.add(line);
                        System.out.println("[crossflight " + process.pid() + "] " + line);
                    }
                } catch (IOException ignored) {
                    // process gone
                }
            }, "launcher-output");
            reader.setDaemon(true);
            reader.start();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        void awaitUp() throws InterruptedException {
            long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
            while (!output().contains("Press Ctrl-C to stop.")) {
                if (!process.isAlive()) {
                    fail("the launcher exited (" + process.exitValue() + ") before the stack was up:\n" + output() + logs());
                }
                if (System.nanoTime() > deadline) {
                    fail("the stack was not up within " + UP_TIMEOUT.toMinutes() + " min:\n" + output() + logs());
                }
                Thread.sleep(200);
            }
            process.descendants().forEach(children::add);
        }

        /** SIGTERM, as Ctrl-C or a service manager would send; waits for the launcher to finish. */
        void terminate() throws InterruptedException {
            // Through the handle: Process.destroy() would also close our end of its output.
            process.toHandle().destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                fail("the launcher did not stop within 2 min after SIGTERM:\n" + output());
            }
            // Let the output thread drain the last lines (it ends at end of stream).
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        int exitCode() {
            return process.exitValue();
        }

        boolean anyChildAlive() {
            return children.stream().anyMatch(ProcessHandle::isAlive);
        }

        void kill() {
            if (process.isAlive()) {
                process.descendants().forEach(children::add);
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
            // PostgreSQL detaches from the launcher (pg_ctl): stop it by its pid file.
            try {
                Path pid = data.resolve("postgres/postmaster.pid");
                if (Files.exists(pid)) {
                    long p = Long.parseLong(Files.readAllLines(pid).get(0).trim());
                    ProcessHandle.of(p).ifPresent(ProcessHandle::destroy);
                }
            } catch (IOException | RuntimeException ignored) {
                // best effort
            }
        }

        /** The last lines of every part's log, for a failure message. */
        String logs() {
            StringBuilder sb = new StringBuilder();
            Path dir = data.resolve("logs");
            if (!Files.isDirectory(dir)) {
                return "";
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    List<String> all = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
                    sb.append("\n--- ").append(f.getFileName()).append(" (last 30 lines)\n");
                    all.subList(Math.max(0, all.size() - 30), all.size()).forEach(l -> sb.append(l).append('\n'));
                }
            } catch (IOException e) {
                sb.append(e);
            }
            return sb.toString();
        }
    }
}
