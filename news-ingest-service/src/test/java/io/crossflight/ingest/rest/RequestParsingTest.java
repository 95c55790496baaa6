package io.crossflight.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.crossflight.common.rest.ProblemException;
import io.crossflight.ingest.service.IncomingArticle;

class RequestParsingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private static final int MAX = 1024 * 1024;

    private static IncomingArticle json(String s) {
        return RequestParsing.fromJson(s.getBytes(StandardCharsets.UTF_8), MAX, CLOCK);
    }

    private static ProblemException refused(String s) {
        return assertThrows(ProblemException.class, () -> json(s));
    }

    @Test
    void readsEveryContractField() {
        IncomingArticle a = json("""
                {"body": "Soyuz MS-22 will launch.", "title": "T", "publishedAt": "2022-09-19",
                 "source": "Outlet", "url": "https://example.com/a", "language": "EN"}""");
        assertEquals("Soyuz MS-22 will launch.", a.body());
        assertEquals(Instant.parse("2022-09-19T00:00:00Z"), a.publishedAt());
        assertEquals("en", a.language());
        assertEquals("https://example.com/a", a.url());
        assertEquals("Outlet", a.source());
    }

    @Test
    void acceptsDateTimesWithAndWithoutZones() {
        assertEquals(Instant.parse("2022-09-21T08:54:00Z"),
                json("{\"body\":\"x\",\"publishedAt\":\"2022-09-21T11:54:00+03:00\"}").publishedAt());
        assertEquals(Instant.parse("2022-09-21T08:54:00Z"),
                json("{\"body\":\"x\",\"publishedAt\":\"2022-09-21T08:54:00\"}").publishedAt());
        assertNull(json("{\"body\":\"x\"}").publishedAt());
    }

    @Test
    void refusesBadInputWithAnActionableReason() {
        assertEquals(400, refused("").status());
        assertTrue(refused("{\"body\": ").getMessage().contains("not valid JSON"));
        assertTrue(refused("[1,2]").getMessage().contains("JSON object"));
        assertTrue(refused("{\"body\": \"x\", \"author\": \"me\"}").getMessage().contains("Unknown field 'author'"));
        assertTrue(refused("{\"body\": 42}").getMessage().contains("'body' must be a string"));
        assertTrue(refused("{\"title\": \"no body\"}").getMessage().contains("empty"));
        assertTrue(refused("{\"body\": \"   \"}").getMessage().contains("empty"));
        assertTrue(refused("{\"body\": \"x\", \"publishedAt\": \"19/09/2022\"}").getMessage().contains("ISO-8601"));
        assertTrue(refused("{\"body\": \"x\", \"publishedAt\": \"2022-02-30\"}").getMessage().contains("ISO-8601"));
        assertTrue(refused("{\"body\": \"x\", \"publishedAt\": \"2031-01-01\"}").getMessage().contains("future"));
        assertTrue(refused("{\"body\": \"x\", \"publishedAt\": \"1900-01-01\"}").getMessage().contains("1957"));
        assertTrue(refused("{\"body\": \"x\", \"language\": \"de\"}").getMessage().contains("'language'"));
        assertTrue(refused("{\"body\": \"x\", \"url\": \"javascript:alert(1)\"}").getMessage().contains("http"));
        assertTrue(refused("{\"body\": \"x\"} {\"body\": \"y\"}").getMessage().contains("not valid JSON"));
        assertTrue(refused("{\"body\": \"x\", \"body\": \"y\"}").getMessage().contains("not valid JSON"));
    }

    @Test
    void refusesBinaryAndOversizedBodies() {
        byte[] binary = { (byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x89, 'P', 'N', 'G' };
        assertEquals(415, assertThrows(ProblemException.class, () -> RequestParsing.fromText(binary, "text/plain", MAX)).status());
        byte[] nul = "Soyuz\0\0\0MS-22".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, assertThrows(ProblemException.class, () -> RequestParsing.fromText(nul, "text/plain", MAX)).status());
        byte[] huge = "a".repeat(MAX + 1).getBytes(StandardCharsets.UTF_8);
        assertEquals(413, assertThrows(ProblemException.class, () -> RequestParsing.fromText(huge, "text/plain", MAX)).status());
        String hugeJson = "{\"body\": \"" + "a".repeat(MAX + 1) + "\"}";
        assertEquals(413, refused(hugeJson).status());
    }

    @Test
    void keepsSqlMetacharactersAndMarkupAsText() {
        IncomingArticle a = json("{\"body\": \"Robert'); DROP TABLE articles;-- <script>alert(1)</script>\"}");
        // neither refused nor "sanitised": stored as sent, harmless because every query binds parameters
        assertEquals("Robert'); DROP TABLE articles;-- <script>alert(1)</script>", a.body());
    }
}
