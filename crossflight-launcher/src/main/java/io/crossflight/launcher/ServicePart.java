package io.crossflight.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of the three Quarkus services, run from its packaged {@code quarkus-app}. */
final class ServicePart {

    /** A service, the database it owns and its HTTP port. */
    record Service(String name, String database, int port) {
        Path runnerJar(Path home) {
            return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        String url() {
            return "http://localhost:" + port;
        }

        URI readiness() {
            return URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        }
    }

    static List<Service> services(LaunchOptions.Ports ports) {
        return List.of(
                new Service("news-ingest-service", "ingest", ports.ingest()),
                new Service("mission-service", "missions", ports.mission()),
                new Service("crew-service", "crew", ports.crew()));
    }

    private ServicePart() {
    }

    /** The environment a service gets on top of the launcher's own (standard Quarkus variables). */
    static Map<String, String> environment(Service service, String kafkaBootstrap, String jdbcUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresPart.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresPart.PASSWORD);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        return env;
    }

    static ChildProcess start(Service service, Path home, Path java, Map<String, String> env, Iterable<String> removeEnv,
            Path workDir, Path logFile) {
        List<String> cmd = List.of(java.toString(), "-Xmx512m", "-jar", service.runnerJar(home).toString());
        return ChildProcess.start(service.name(), cmd, env, removeEnv, workDir, logFile, Duration.ofSeconds(30));
    }

    /** The readiness check's answer: up (HTTP 200) or not, and the body for error messages. */
    record Health(boolean up, String detail) {
    }

    static Health health(HttpClient http, Service service) throws InterruptedException {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(service.readiness())
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Health(res.statusCode() == 200, "HTTP " + res.statusCode() + " " + res.body().strip());
        } catch (IOException e) {
            return new Health(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
