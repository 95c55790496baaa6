package io.crossflight.ingest;

import java.util.HashMap;
import java.util.Map;

import io.crossflight.testkit.CrossflightTestResource;
import io.crossflight.testkit.TcpProxy;
import io.crossflight.testkit.TestInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The real broker behind a proxy the test can cut: the relay starts with Kafka unreachable. */
public class KafkaOutageResource implements QuarkusTestResourceLifecycleManager {

    static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        CrossflightTestResource base = new CrossflightTestResource();
        base.init(Map.of("database", "ingest_outage"));
        Map<String, String> config = new HashMap<>(base.start());
        proxy = new TcpProxy(TestInfra.bootstrapServers());
        config.put("crossflight.ingest.relay.bootstrap-servers", proxy.address());
        config.put("crossflight.ingest.relay.send-timeout", "2s");
        config.put("crossflight.ingest.relay.poll-interval", "200ms");
        return config;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
