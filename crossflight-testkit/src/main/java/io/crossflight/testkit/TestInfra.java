package io.crossflight.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real Kafka broker and one real PostgreSQL server per test JVM, shared by every test class.
 *
 * <p>Where a Docker engine answers, both run in Testcontainers; elsewhere (these build machines)
 * Kafka runs in-process as a combined KRaft node ({@code kafka-test-common-runtime}) and
 * PostgreSQL from the embedded binaries of {@code io.zonky.test}. Never mocks, never H2.
 */
public final class TestInfra {

    private static Kafka kafka;
    private static Postgres postgres;

    private TestInfra() {
    }

    public static synchronized String bootstrapServers() {
        if (kafka == null) {
            kafka = dockerAvailable() ? new ContainerKafka() : new InProcessKafka();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-stop"));
        }
        return kafka.bootstrapServers();
    }

    /** JDBC URL of a database of this name, created on first use. */
    public static synchronized String jdbcUrl(String database) {
        if (postgres == null) {
            postgres = dockerAvailable() ? new ContainerPostgres() : new EmbeddedPg();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "test-postgres-stop"));
        }
        postgres.createDatabase(database);
        return postgres.jdbcUrl(database);
    }

    public static String username() {
        return "postgres";
    }

    public static String password() {
        return postgres instanceof ContainerPostgres ? "postgres" : "";
    }

    static boolean dockerAvailable() {
        if (Boolean.getBoolean("crossflight.test.no-docker")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    interface Kafka {
        String bootstrapServers();

        void stop();
    }

    interface Postgres {
        String jdbcUrl(String database);

        String adminUrl();

        void stop();

        default void createDatabase(String database) {
            if (!database.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("database name must be a lower-case identifier: " + database);
            }
            try (Connection c = DriverManager.getConnection(adminUrl(), username(), password());
                    Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (rs.next()) {
                        return;
                    }
                }
                st.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + database, e);
            }
        }
    }

    static final class InProcessKafka implements Kafka {
        private final KafkaClusterTestKit cluster;

        InProcessKafka() {
            try {
                TestKitNodes nodes = new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build();
                // One node: every internal topic must be satisfiable by one replica, or consumer
                // groups and transactions hang silently.
                cluster = new KafkaClusterTestKit.Builder(nodes)
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "5")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                        .setConfigProp("min.insync.replicas", "1")
                        .setConfigProp("default.replication.factor", "1")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                keepKafkaFromEndingTheJvm();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the in-process Kafka broker", e);
            }
        }

        /**
         * A broker that meets a fatal error (a log directory failing while the JVM shuts down is
         * one) calls Exit.halt(1): in a test JVM that turns a run whose tests all passed into a
         * failed surefire fork. Kafka's own tests replace the procedures the same way; the call is
         * reported on stderr and in target/kafka-exit-calls.log instead.
         */
        private static void keepKafkaFromEndingTheJvm() {
            Exit.Procedure report = (status, message) -> {
                String line = java.time.Instant.now() + " in-process Kafka asked to end the JVM with status " + status + ": " + message;
                System.err.println(line);
                new Throwable(line).printStackTrace();
                try {
                    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "kafka-exit-calls.log"), line + System.lineSeparator(),
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                } catch (java.io.IOException | RuntimeException ignored) {
                    // stderr has it
                }
            };
            Exit.setExitProcedure(report);
            Exit.setHaltProcedure(report);
        }

        @Override
        public String bootstrapServers() {
            return cluster.bootstrapServers();
        }

        @Override
        public void stop() {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // JVM is exiting
            }
        }
    }

    static final class ContainerKafka implements Kafka {
        private final KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withStartupTimeout(Duration.ofMinutes(2));

        ContainerKafka() {
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void stop() {
            container.stop();
        }
    }

    static final class EmbeddedPg implements Postgres {
        private final EmbeddedPostgres pg;

        EmbeddedPg() {
            try {
                pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
        }

        @Override
        public String jdbcUrl(String database) {
            return pg.getJdbcUrl("postgres", database);
        }

        @Override
        public String adminUrl() {
            return pg.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void stop() {
            try {
                pg.close();
            } catch (Exception ignored) {
                // JVM is exiting
            }
        }
    }

    static final class ContainerPostgres implements Postgres {
        private final PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine")
                .withUsername("postgres").withPassword("postgres");

        ContainerPostgres() {
            container.start();
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
        }

        @Override
        public String adminUrl() {
            return jdbcUrl("postgres");
        }

        @Override
        public void stop() {
            container.stop();
        }
    }

    /** Client properties for test producers and consumers. */
    public static Properties kafkaClientProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        return p;
    }
}
