package io.crossflight.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node KRaft broker in a child JVM, started from the broker jars next to the launcher
 * ({@code kafka.Kafka server.properties}), its log in {@code DIR/kafka} across restarts.
 */
final class KafkaPart {

    private KafkaPart() {
    }

    /** Everything the broker JVM needs: where its jars, data, config and log are. */
    record Layout(Path java, Path libDir, Path kafkaDir, Path configDir, Path logFile) {
        Path serverProperties() {
            return configDir.resolve("server.properties");
        }

        Path log4j2() {
            return configDir.resolve("kafka-log4j2.xml");
        }

        List<String> jvm(String mainClass, String... args) {
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-Xms128m",
                    "-Djava.awt.headless=true",
                    "-Dlog4j2.configurationFile=" + log4j2().toAbsolutePath(),
                    "-cp", libDir.toAbsolutePath() + "/*", mainClass));
            cmd.addAll(List.of(args));
            return cmd;
        }
    }

    /** Whether the log directory still has to be formatted (first start on this data dir). */
    static boolean needsFormat(Path kafkaDir) {
        return !Files.exists(kafkaDir.resolve("meta.properties"));
    }

    static void writeConfig(Layout layout, int brokerPort, int controllerPort) throws IOException {
        Files.createDirectories(layout.configDir());
        Files.createDirectories(layout.kafkaDir());
        Files.writeString(layout.serverProperties(),
                KafkaConfig.render(KafkaConfig.serverProperties(brokerPort, controllerPort, layout.kafkaDir())),
                StandardCharsets.UTF_8);
        Files.writeString(layout.log4j2(), KafkaConfig.log4j2Xml(layout.logFile()), StandardCharsets.UTF_8);
    }

    /** kafka.tools.StorageTool format --standalone, once, with a fresh cluster id. */
    static void format(Layout layout, Duration timeout) throws IOException, InterruptedException {
        ChildProcess tool = ChildProcess.start("kafka-storage", layout.jvm("kafka.tools.StorageTool", "format",
                        "-t", Uuid.randomUuid().toString(), "-c", layout.serverProperties().toString(), "--standalone"),
                Map.of(), Set.of(), layout.configDir(), layout.logFile(), Duration.ofSeconds(5));
        if (!tool.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            tool.stop();
            throw new StartupException("formatting Kafka storage did not finish within " + timeout.toSeconds()
                    + " s; see " + layout.logFile());
        }
        if (tool.process().exitValue() != 0) {
            throw new StartupException("formatting Kafka storage in " + layout.kafkaDir() + " failed (exit "
                    + tool.process().exitValue() + "); see " + layout.logFile() + "\n" + tool.logTail(15));
        }
    }

    static ChildProcess startBroker(Layout layout, Iterable<String> removeEnv) {
        return ChildProcess.start("kafka", layout.jvm("kafka.Kafka", layout.serverProperties().toString()),
                Map.of(), removeEnv, layout.configDir(), layout.logFile(), Duration.ofSeconds(30));
    }

    /**
     * Waits until the broker answers and then creates the topics the services use. Returns
     * normally once both are done; throws with a message a person can act on otherwise.
     */
    static void awaitReadyAndCreateTopics(String bootstrap, ChildProcess broker, Duration timeout, BooleanSupplier aborted)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        try (Admin admin = Admin.create(props)) {
            Exception last = null;
            while (true) {
                if (!broker.isAlive()) {
                    throw new StartupException("the Kafka broker exited during startup (exit "
                            + broker.process().exitValue() + "); see " + broker.logFile() + "\n"
                            + broker.logTail(15));
                }
                if (aborted.getAsBoolean()) {
                    throw new StartupException.Aborted();
                }
                if (System.nanoTime() > deadline) {
                    throw new StartupException("Kafka did not become ready within " + timeout.toSeconds() + " s"
                            + (last == null ? "" : " (last error: " + last.getMessage() + ")") + "; see " + broker.logFile());
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        createTopics(admin);
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void createTopics(Admin admin) throws ExecutionException, InterruptedException,
            java.util.concurrent.TimeoutException {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(KafkaConfig.TOPIC, KafkaConfig.TOPIC_PARTITIONS, (short) 1));
        for (String dlq : KafkaConfig.DLQ_TOPICS) {
            topics.add(new NewTopic(dlq, 1, (short) 1));
        }
        Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
