package io.crossflight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class KafkaConfigTest {

    private static Properties rendered(int broker, int controller, Path dir) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(KafkaConfig.render(KafkaConfig.serverProperties(broker, controller, dir))));
        return p;
    }

    @Test
    void singleCombinedNodeListensOnLoopbackOnly() throws Exception {
        Properties p = rendered(59092, 59093, Path.of("/data/kafka"));
        assertEquals("broker,controller", p.getProperty("process.roles"));
        assertEquals("PLAINTEXT://127.0.0.1:59092,CONTROLLER://127.0.0.1:59093", p.getProperty("listeners"));
        assertEquals("127.0.0.1:59093", p.getProperty("controller.quorum.bootstrap.servers"));
        assertEquals("CONTROLLER", p.getProperty("controller.listener.names"));
        assertEquals("/data/kafka", p.getProperty("log.dirs"));
        // --standalone formatting (dynamic quorum) refuses a static voter list.
        assertFalse(p.containsKey("controller.quorum.voters"));
        assertEquals("0", p.getProperty("group.initial.rebalance.delay.ms"));
    }

    @Test
    void everyReplicationFactorAndMinIsrIsOne() throws Exception {
        Properties p = rendered(1, 2, Path.of("/k"));
        int checked = 0;
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith("replication.factor") || key.endsWith("min.isr") || key.equals("min.insync.replicas")) {
                assertEquals("1", p.getProperty(key), key);
                checked++;
            }
        }
        assertEquals(7, checked, "offsets, transactions, share coordinator, default and min.insync");
    }

    @Test
    void kafkaItselfAcceptsTheConfiguration() throws Exception {
        Properties p = rendered(59092, 59093, Path.of("/tmp/kafka-config-test"));
        // The broker's own validation, as kafka.Kafka runs it at startup.
        kafka.server.KafkaConfig config = kafka.server.KafkaConfig.fromProps(p, false);
        assertEquals(1, config.getInt("node.id"));
        assertEquals((short) 1, config.getShort("offsets.topic.replication.factor"));
        assertEquals(3, config.numPartitions());
    }

    @Test
    void propertyValuesWithBackslashesSurviveTheRoundTrip() throws Exception {
        String odd = "C:\\kafka data\\logs";
        Properties p = new Properties();
        p.load(new StringReader(KafkaConfig.render(Map.of("log.dirs", odd))));
        assertEquals(odd, p.getProperty("log.dirs"));
    }

    @Test
    void log4j2ConfigWritesToTheGivenFileEvenWithXmlSpecialCharacters() throws Exception {
        Path log = Path.of("/data/R&D <test>/logs/kafka.log");
        String xml = KafkaConfig.log4j2Xml(log);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element file = (Element) doc.getElementsByTagName("File").item(0);
        assertEquals(log.toString(), file.getAttribute("fileName"));
        Element root = (Element) doc.getElementsByTagName("Root").item(0);
        assertEquals("info", root.getAttribute("level"));
        assertTrue(xml.contains("%d"), "log pattern placeholders must survive String.formatted");
    }
}
