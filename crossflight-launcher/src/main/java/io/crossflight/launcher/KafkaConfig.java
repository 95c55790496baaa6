package io.crossflight.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration files of the single-node KRaft broker: {@code server.properties} and a
 * log4j2 file that sends its logging to {@code DIR/logs/kafka.log}. Pure functions of the
 * ports and paths, so they are written afresh on every start.
 */
public final class KafkaConfig {

    public static final String TOPIC = "mission-updates";
    public static final int TOPIC_PARTITIONS = 3;
    /** Dead-letter topics of the two consuming services ({@code <topic>.dlq.<service>}). */
    public static final String[] DLQ_TOPICS = {TOPIC + ".dlq.mission-service", TOPIC + ".dlq.crew-service"};

    private KafkaConfig() {
    }

    /** Broker + controller in one process, both listeners on loopback only. */
    public static Map<String, String> serverProperties(int brokerPort, int controllerPort, Path logDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // Dynamic quorum (formatted with --standalone): the one controller finds itself here.
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", String.valueOf(TOPIC_PARTITIONS));
        // One broker: every replicated internal topic must be satisfiable by a single replica, or
        // producing works while consumer groups and transactions hang silently.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Nobody else will join: start consuming at once instead of waiting 3 s for a rebalance.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The event log is the system's history; a store rebuilt later must still find every event.
        p.put("log.retention.hours", "-1");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    /** The properties in {@code server.properties} format (keys in insertion order). */
    public static String render(Map<String, String> properties) {
        StringBuilder sb = new StringBuilder("# Written by ./crossflight up on every start; edits are overwritten.\n");
        properties.forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append('\n'));
        return sb.toString();
    }

    /** log4j2 XML that appends everything at INFO and above to the given file. */
    public static String log4j2Xml(Path logFile) {
        String file = xml(logFile.toAbsolutePath().toString());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by ./crossflight up: the broker's logging goes to one file. -->
                <Configuration status="warn">
                  <Appenders>
                    <File name="file" fileName="%s" append="true">
                      <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.request.logger" level="warn"/>
                    <Logger name="state.change.logger" level="warn"/>
                    <Logger name="org.apache.kafka.controller" level="info"/>
                    <Root level="info">
                      <AppenderRef ref="file"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """.formatted(file);
    }

    /** Escapes a value for a .properties file (backslashes, and characters that start a new line). */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
