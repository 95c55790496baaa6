package io.crossflight.extraction;

import io.crossflight.extraction.internal.HtmlText;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A news article as handed to the reader.
 *
 * @param id          caller's id, may be null
 * @param title       may be null
 * @param body        plain text or HTML (HTML is detected and reduced to its main text)
 * @param publishedAt calendar date of publication (at the publisher's offset), null when unknown;
 *                    the engine only needs the date to resolve "this Wednesday" or "in June"
 * @param language    hint "en" or "ru", may be null (the reader counts scripts anyway)
 */
public record Article(String id, String title, String body, LocalDate publishedAt, String language) {

    private static final Pattern DATE_LINE = Pattern.compile("\\A\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\b[^\\n]*\\n?");
    private static final Pattern HTML_SNIFF = Pattern.compile(
            "\\A\\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[ >]|<meta)", Pattern.CASE_INSENSITIVE);

    public Article {
        body = body == null ? "" : body;
    }

    public static Article of(String body) {
        return new Article(null, null, body, null, null);
    }

    /**
     * The raw article as the seed files carry it: an optional first line {@code date YYYY-MM-DD}
     * (more text may follow on that line, e.g. a byline) and then the text. HTML is handed to
     * {@link #fromHtml(String)}.
     */
    public static Article fromPlainText(String raw) {
        String text = raw == null ? "" : raw;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (looksLikeHtml(text)) {
            return fromHtml(text);
        }
        Matcher m = DATE_LINE.matcher(text);
        LocalDate date = null;
        if (m.find()) {
            date = parseDate(m.group(1));
            text = text.substring(m.end());
        }
        return new Article(null, null, text, date, null);
    }

    /** An HTML page: main text via jsoup, date from {@code article:published_time} or {@code <time datetime>}. */
    public static Article fromHtml(String html) {
        HtmlText.Page page = HtmlText.parse(html == null ? "" : html);
        return new Article(null, page.title(), page.text(), parseDate(page.published()), page.language());
    }

    public Article withId(String newId) {
        return new Article(newId, title, body, publishedAt, language);
    }

    public Article withPublishedAt(LocalDate date) {
        return new Article(id, title, body, date, language);
    }

    public static boolean looksLikeHtml(String text) {
        return text != null && HTML_SNIFF.matcher(text).find();
    }

    /** ISO date or date-time (with or without offset); null when absent or unparseable. */
    public static LocalDate parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() <= 10) {
                return LocalDate.parse(v);
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(v.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toLocalDate();
            }
            return LocalDate.parse(v.substring(0, 10));
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v.substring(0, Math.min(10, v.length())));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
