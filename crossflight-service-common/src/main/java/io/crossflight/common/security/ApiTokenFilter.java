package io.crossflight.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.crossflight.common.config.SecurityConfig;
import io.crossflight.common.rest.Problem;
import io.crossflight.common.rest.ProblemMappers;

/** Guards every write with the shared bearer token when one is configured; reads stay public. */
public class ApiTokenFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Inject
    SecurityConfig config;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> checkToken(ContainerRequestContext ctx) {
        Optional<String> token = config.apiToken().filter(t -> !t.isBlank());
        if (token.isEmpty() || !WRITES.contains(ctx.getMethod())) {
            return Optional.empty();
        }
        return refusal(token, ctx.getHeaderString(HttpHeaders.AUTHORIZATION), "This write").map(ApiTokenFilter::unauthorized);
    }

    /**
     * Why an {@code Authorization} header does not carry the configured token, or empty when it
     * does (or none is configured). The comparison takes the same time wherever the bytes differ.
     *
     * @param what what is being guarded, to start the message: "This write"
     */
    public static Optional<String> refusal(Optional<String> token, String header, String what) {
        if (token.isEmpty() || token.get().isBlank()) {
            return Optional.empty();
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(what + " needs 'Authorization: Bearer <token>' (the value of CROSSFLIGHT_API_TOKEN).");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = token.get().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected) ? Optional.empty()
                : Optional.of("The bearer token is not the configured CROSSFLIGHT_API_TOKEN.");
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(ProblemMappers.respond(Problem.of(401, "Unauthorized", detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"crossflight\"").build();
    }
}
