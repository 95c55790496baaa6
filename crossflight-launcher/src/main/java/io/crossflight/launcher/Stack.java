package io.crossflight.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts PostgreSQL, Kafka and the three services in that order, watches them, and stops them in
 * reverse order when asked (Ctrl-C, SIGTERM) or when one of them dies.
 */
final class Stack {

    private final LaunchOptions options;
    private final Map<String, String> env;
    private final Path java;
    private final Path libDir;
    private final Path logs;

    private final Deque<List<Part>> started = new ArrayDeque<>();
    /** Completed with the exit code once the stack should stop. */
    private final CompletableFuture<Integer> stopRequest = new CompletableFuture<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crossflight-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    private volatile String failure;
    private boolean stopped;

    Stack(LaunchOptions options, Map<String, String> env, Path java, Path libDir) {
        this.options = options;
        this.env = env;
        this.java = java;
        this.libDir = libDir;
        this.logs = options.dataDir().resolve("logs");
    }

    /** Ctrl-C, SIGTERM: stop cleanly, exit 0. */
    void requestStop(String why) {
        if (stopRequest.complete(0)) {
            Console.plain("");
            Console.plain("crossflight: " + why + ", stopping everything");
        } else if (stopping) {
            Console.plain("crossflight: still stopping, please wait (logs in " + logs + ")");
        }
    }

    /** Runs the stack in the foreground; returns the process exit code. */
    int up() {
        List<ServicePart.Service> services = ServicePart.services(options.ports());
        Path home = options.home();
        List<String> missing = new ArrayList<>();
        for (ServicePart.Service s : services) {
            if (!Files.isRegularFile(s.runnerJar(home))) {
                missing.add(s.runnerJar(home).toString());
            }
        }
        if (!Files.isDirectory(libDir)) {
            missing.add(libDir + "/ (the broker jars)");
        }
        if (!missing.isEmpty()) {
            Console.error("not built yet: " + String.join(", ", missing)
                    + "\n  build with: ./mvnw -B -DskipTests install   (./crossflight up does it for you)");
            return 1;
        }

        Path data = options.dataDir();
        FileChannel lockChannel;
        try {
            Files.createDirectories(logs);
            lockChannel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                Console.error("another ./crossflight up is already running on " + data
                        + "; stop it first, or give this one its own --data DIR and ports");
                return 1;
            }
        } catch (IOException e) {
            Console.error("cannot use the data directory " + data + ": " + e.getMessage());
            return 1;
        }

        String leftovers = Leftovers.describe(data);
        if (!leftovers.isEmpty()) {
            Console.error(leftovers);
            return 1;
        }
        List<PortCheck.Claim> taken = PortCheck.taken(options.ports().claims());
        if (!taken.isEmpty()) {
            Console.error(PortCheck.describe(taken).strip());
            return 1;
        }

        int code;
        long t0 = System.nanoTime();
        Console.plain("crossflight: starting in " + data + " (logs in " + logs + ")");
        try {
            startAll(services);
            Console.plain("");
            Console.plain("Crossflight is up (" + Console.seconds(t0) + "):");
            for (ServicePart.Service s : services) {
                Console.plain(String.format("  %-20s %-24s swagger-ui %s/q/swagger-ui", s.name(), s.url(), s.url()));
            }
            Console.plain("  data " + data + ", logs " + logs);
            if (options.demo()) {
                Demo.post(options.home().resolve("demo"), options.ports(), env.get("CROSSFLIGHT_API_TOKEN"));
            } else {
                Console.plain("  try: curl -H 'Content-Type: text/plain' --data-binary @demo/000_fb0ee394c0ba0c6a.txt "
                        + services.get(0).url() + "/articles");
            }
            Console.plain("Press Ctrl-C to stop.");
            code = stopRequest.join();
            if (failure != null) {
                Console.error(failure);
            }
        } catch (StartupException.Aborted e) {
            code = stopRequest.getNow(0);
            if (failure != null) {
                Console.error(failure);
            }
        } catch (StartupException e) {
            Console.error(e.getMessage());
            code = 1;
        } catch (Exception e) {
            Console.error("unexpected error while starting: " + e);
            code = 1;
        } finally {
            stopAll();
        }
        try {
            lockChannel.close();
        } catch (IOException ignored) {
            // released by the OS on exit anyway
        }
        return code;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private void startAll(List<ServicePart.Service> services) throws Exception {
        Duration timeout = options.startTimeout();
        Path data = options.dataDir();
        LaunchOptions.Ports ports = options.ports();

        long t = System.nanoTime();
        PostgresPart pg;
        Path pgLog = logs.resolve("postgres.log");
        long pgLogStart = PostgresPart.logSize(pgLog);
        try {
            pg = PostgresPart.start(data.resolve("postgres"), pgLog, ports.postgres(), timeout);
        } catch (IOException | RuntimeException e) {
            throw new StartupException("PostgreSQL did not start: " + e.getMessage() + "; see " + pgLog
                    + "\n" + Console.tail(pgLog, 15, pgLogStart));
        }
        started.push(List.of(pg));
        watch(pg);
        int created;
        try {
            created = pg.createDatabases();
        } catch (SQLException e) {
            throw new StartupException("cannot create the databases in PostgreSQL: " + e.getMessage());
        }
        Leftovers.record(data, "postgres", PostgresPart.postmasterPid(data.resolve("postgres")).orElse(-1L));
        Console.line("postgres", "ready on 127.0.0.1:" + ports.postgres() + " ("
                + (pg.fresh ? "new cluster, " : "") + (created > 0 ? created + " databases created, " : "")
                + Console.seconds(t) + ")");
        abortIfRequested();

        t = System.nanoTime();
        KafkaPart.Layout layout = new KafkaPart.Layout(java, libDir, data.resolve("kafka"), data.resolve("config"),
                logs.resolve("kafka.log"));
        KafkaPart.writeConfig(layout, ports.kafka(), ports.kafkaController());
        boolean fresh = KafkaPart.needsFormat(layout.kafkaDir());
        if (fresh) {
            KafkaPart.format(layout, timeout);
        }
        abortIfRequested();
        ChildProcess kafka = KafkaPart.startBroker(layout, LaunchOptions.LAUNCHER_ENV);
        started.push(List.of(kafka));
        watch(kafka);
        Leftovers.record(data, "kafka", kafka.process().pid());
        String bootstrap = "127.0.0.1:" + ports.kafka();
        KafkaPart.awaitReadyAndCreateTopics(bootstrap, kafka, timeout, stopRequest::isDone);
        Console.line("kafka", "ready on " + bootstrap + " (" + (fresh ? "new storage, " : "") + "topic "
                + KafkaConfig.TOPIC + ", " + Console.seconds(t) + ")");

        t = System.nanoTime();
        Map<ServicePart.Service, ChildProcess> children = new LinkedHashMap<>();
        for (ServicePart.Service s : services) {
            abortIfRequested();
            ChildProcess child = ServicePart.start(s, options.home(), java,
                    ServicePart.environment(s, bootstrap, pg.jdbcUrl(s.database())), LaunchOptions.LAUNCHER_ENV,
                    data, logs.resolve(s.name() + ".log"));
            children.put(s, child);
            Leftovers.record(data, s.name(), child.process().pid());
        }
        started.push(List.copyOf(children.values()));
        children.values().forEach(this::watch);
        awaitServices(children, t);
    }

    private void awaitServices(Map<ServicePart.Service, ChildProcess> children, long t0) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Map<ServicePart.Service, ChildProcess> pending = new LinkedHashMap<>(children);
        Map<ServicePart.Service, String> lastHealth = new LinkedHashMap<>();
        long deadline = t0 + options.startTimeout().toNanos();
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext();) {
                var e = it.next();
                ServicePart.Service s = e.getKey();
                ChildProcess child = e.getValue();
                if (!child.isAlive()) {
                    throw new StartupException(s.name() + " exited during startup (exit " + child.process().exitValue()
                            + "); see " + child.logFile() + "\n" + child.logTail(20));
                }
                ServicePart.Health health = ServicePart.health(http, s);
                if (health.up()) {
                    Console.line(s.name(), "ready on " + s.url() + " (" + Console.seconds(t0) + ")");
                    it.remove();
                } else {
                    lastHealth.put(s, health.detail());
                }
            }
            abortIfRequested();
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder sb = new StringBuilder();
                for (ServicePart.Service s : pending.keySet()) {
                    sb.append(s.name()).append(" did not become ready within ").append(options.startTimeout().toSeconds())
                            .append(" s (").append(s.readiness()).append(" said: ").append(lastHealth.get(s))
                            .append("); see ").append(children.get(s).logFile()).append('\n');
                }
                throw new StartupException(sb.toString().strip());
            }
            Thread.sleep(250);
        }
    }

    private void abortIfRequested() {
        if (stopRequest.isDone()) {
            throw new StartupException.Aborted();
        }
    }

    /** Reports a part that dies on its own and brings the whole stack down with exit code 1. */
    private void watch(Part part) {
        Runnable died = () -> {
            if (stopping || stopRequest.isDone()) {
                return;
            }
            String exit = part instanceof ChildProcess c ? " (exit " + c.process().exitValue() + ")" : "";
            failure = part.name() + " stopped unexpectedly" + exit + "; see " + part.logFile() + "\n" + part.logTail(20)
                    + "stopping everything else";
            stopRequest.complete(1);
        };
        if (part instanceof ChildProcess child) {
            child.process().onExit().thenRun(died);
        } else {
            watcher.scheduleWithFixedDelay(() -> {
                if (!part.isAlive()) {
                    died.run();
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Stops whatever was started, newest first; the three services together. Idempotent. */
    synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopping = true;
        stopRequest.complete(0);
        watcher.shutdownNow();
        while (!started.isEmpty()) {
            List<Part> group = started.pop();
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (Part part : group) {
                stops.add(CompletableFuture.runAsync(() -> {
                    long t = System.nanoTime();
                    boolean wasAlive = part.isAlive();
                    part.stop();
                    if (wasAlive) {
                        Console.line(part.name(), "stopped (" + Console.seconds(t) + ")");
                    }
                }));
            }
            for (CompletableFuture<Void> f : stops) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Console.error("while stopping: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Leftovers.clear(options.dataDir());
        stopped = true;
    }

    /** The pids of the parts a run started, so a run after a killed launcher can name the strays. */
    static final class Leftovers {
        private static final String FILE = "pids";

        static synchronized void record(Path data, String name, long pid) {
            try {
                Files.writeString(data.resolve(FILE), name + " " + pid + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // only used for a hint
            }
        }

        static void clear(Path data) {
            try {
                Files.deleteIfExists(data.resolve(FILE));
            } catch (IOException ignored) {
                // only used for a hint
            }
        }

        /** Empty when no process of an earlier run on this data dir is still alive. */
        static String describe(Path data) {
            Path file = data.resolve(FILE);
            List<String> alive = new ArrayList<>();
            List<String> pids = new ArrayList<>();
            if (Files.exists(file)) {
                try (Stream<String> lines = Files.lines(file)) {
                    for (String line : lines.toList()) {
                        String[] parts = line.trim().split(" ");
                        if (parts.length != 2) {
                            continue;
                        }
                        long pid = Long.parseLong(parts[1]);
                        if (pid > 0 && ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                                .flatMap(p -> p.info().commandLine())
                                .filter(c -> c.contains("quarkus-run.jar") || c.contains("kafka.Kafka") || c.contains("postgres"))
                                .isPresent()) {
                            alive.add(parts[0] + " (pid " + pid + ")");
                            pids.add(String.valueOf(pid));
                        }
                    }
                } catch (IOException | RuntimeException ignored) {
                    // a hint only
                }
            }
            if (alive.isEmpty()) {
                clear(data);
                return "";
            }
            return "processes of an earlier run on " + data + " are still running: " + String.join(", ", alive)
                    + "\n  (was that ./crossflight killed?) stop them with: kill " + String.join(" ", pids);
        }
    }

    /** Posts the seed articles (demo/*.txt) as text/plain to the ingest service and shows the answers. */
    static final class Demo {
        static void post(Path dir, LaunchOptions.Ports ports, String apiToken) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            } catch (IOException e) {
                Console.error("--demo: cannot read " + dir + ": " + e.getMessage());
                return;
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI uri = URI.create("http://127.0.0.1:" + ports.ingest() + "/articles");
            for (Path f : files) {
                try {
                    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofFile(f));
                    if (apiToken != null && !apiToken.isBlank()) {
                        req.header("Authorization", "Bearer " + apiToken);
                    }
                    HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                    Console.line("demo", f.getFileName() + " -> " + res.statusCode() + " " + res.body().strip());
                } catch (IOException e) {
                    Console.error("--demo: posting " + f.getFileName() + " failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Console.plain("  then: curl http://localhost:" + ports.mission() + "/missions/soyuz-ms-22   "
                    + "curl 'http://localhost:" + ports.crew() + "/crew?q=Rubio'");
        }
    }
}
