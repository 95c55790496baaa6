package io.crossflight.ingest.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.crossflight.common.rest.ProblemException;
import io.crossflight.ingest.service.IncomingArticle;

/**
 * Turns raw request bytes into an {@link IncomingArticle}, refusing anything a person would call
 * bad input with a reason they can act on. Nothing is stored before this has passed.
 */
final class RequestParsing {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // A number or boolean where text belongs is a client mistake, not something to coerce.
            .withCoercionConfig(LogicalType.Textual, cfg -> cfg
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final Instant FIRST_SPACEFLIGHT_NEWS = LocalDate.of(1957, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset=\"?([^\";\\s]+)");
    private static final int MAX_TITLE = 1_000;
    private static final int MAX_SOURCE = 300;
    private static final int MAX_URL = 2_048;

    private RequestParsing() {
    }

    static IncomingArticle fromJson(byte[] raw, int maxBytes, Clock clock) {
        String json = utf8(raw, maxBytes + 64 * 1024, "JSON document");
        ArticleRequest req;
        try {
            req = STRICT.readValue(json, ArticleRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.badRequest("Unknown field '" + e.getPropertyName()
                    + "'. Allowed fields: body, title, publishedAt, source, url, language.");
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                throw ProblemException.badRequest("The request body is not valid JSON: it holds more than one JSON value; send one object.");
            }
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            throw ProblemException.badRequest(field == null
                    ? "The request body must be a JSON object with at least a 'body' string."
                    : "Field '" + field + "' must be a string.");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (req == null) {
            throw ProblemException.badRequest("The request body must be a JSON object with at least a 'body' string.");
        }
        String body = requireBody(req.body(), maxBytes);
        Instant published = req.publishedAt() == null || req.publishedAt().isBlank() ? null
                : parsePublishedAt(req.publishedAt().trim(), clock);
        return new IncomingArticle("application/json", body,
                optional(req.title(), "title", MAX_TITLE),
                published,
                published == null ? null : req.publishedAt().trim(),
                optional(req.source(), "source", MAX_SOURCE),
                url(req.url()),
                language(req.language()));
    }

    static IncomingArticle fromText(byte[] raw, String contentType, int maxBytes) {
        return fromText(raw, contentType, StandardCharsets.UTF_8, maxBytes);
    }

    /** Raw text in the charset the client declared (UTF-8 unless it said otherwise). */
    static IncomingArticle fromText(byte[] raw, String contentType, Charset charset, int maxBytes) {
        String body = requireBody(decode(raw, maxBytes, "article", charset), maxBytes);
        return new IncomingArticle(contentType, body, null, null, null, null, null, null);
    }

    private static String requireBody(String body, int maxBytes) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The article body is empty; send the article's text or HTML in 'body'.");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new ProblemException(413, "Payload Too Large",
                    "The article body is larger than " + maxBytes + " bytes; send one article at a time.");
        }
        long control = body.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        if (body.indexOf('\0') >= 0 || control > body.length() / 100 + 2) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "The article looks like binary data, not text. Send UTF-8 plain text or HTML.");
        }
        return body;
    }

    private static String utf8(byte[] raw, int maxBytes, String what) {
        return decode(raw, maxBytes, what, StandardCharsets.UTF_8);
    }

    private static String decode(byte[] raw, int maxBytes, String what, Charset charset) {
        if (raw == null || raw.length == 0) {
            throw ProblemException.badRequest("The request body is empty; send an " + what + ".");
        }
        if (raw.length > maxBytes) {
            throw new ProblemException(413, "Payload Too Large",
                    "The " + what + " is larger than " + maxBytes + " bytes; send one article at a time.");
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "The " + what + " is not " + charset.name() + " text (binary data, or a wrong charset in Content-Type?). Send UTF-8 encoded text.");
        }
    }

    /** The charset parameter of a Content-Type header; UTF-8 when absent; 415 when unknown. */
    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(415, "Unsupported Media Type", "Unknown charset '" + m.group(1) + "'; send UTF-8.");
        }
    }

    static Instant parsePublishedAt(String s, Clock clock) {
        Instant t;
        try {
            if (s.length() <= 10) {
                t = LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                t = OffsetDateTime.parse(s).toInstant();
            } else {
                t = LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("publishedAt '" + s
                    + "' is not an ISO-8601 date or date-time (e.g. 2022-09-19 or 2022-09-19T14:30:00Z).");
        }
        if (t.isBefore(FIRST_SPACEFLIGHT_NEWS)) {
            throw ProblemException.badRequest("publishedAt '" + s + "' is before 1957; that is not a date of space news.");
        }
        if (t.isAfter(clock.instant().plus(2, ChronoUnit.DAYS))) {
            throw ProblemException.badRequest("publishedAt '" + s + "' is in the future; give the date the article was published.");
        }
        return t;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.badRequest("'" + field + "' is longer than " + max + " characters.");
        }
        return value.strip();
    }

    private static String url(String value) {
        String url = optional(value, "url", MAX_URL);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ProblemException.badRequest("'url' must be an absolute http or https URL.");
            }
            return uri.normalize().toString();
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("'url' is not a valid URL: " + e.getReason());
        }
    }

    private static String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lang = value.strip().toLowerCase(Locale.ROOT);
        if (!lang.equals("en") && !lang.equals("ru")) {
            throw ProblemException.badRequest("'language' must be 'en' or 'ru' (or left out to detect it).");
        }
        return lang;
    }
}
