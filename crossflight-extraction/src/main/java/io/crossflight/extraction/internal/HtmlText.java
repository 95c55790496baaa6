package io.crossflight.extraction.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/** HTML to main text: jsoup parse, boilerplate removed, block elements become line breaks. */
public final class HtmlText {

    public record Page(String title, String text, String published, String language) {
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "br", "tr", "table", "section", "article", "main", "blockquote", "header", "footer", "pre", "dd", "dt",
            "figcaption", "hr");

    private HtmlText() {
    }

    public static Page parse(String html) {
        Document doc = Jsoup.parse(html);
        String published = firstNonBlank(
                attr(doc, "meta[property=article:published_time]", "content"),
                attr(doc, "meta[name=article:published_time]", "content"),
                attr(doc, "meta[itemprop=datePublished]", "content"),
                attr(doc, "meta[name=pubdate]", "content"),
                attr(doc, "meta[name=date]", "content"),
                attr(doc, "time[datetime]", "datetime"));
        String title = firstNonBlank(attr(doc, "meta[property=og:title]", "content"),
                doc.title(), text(doc.selectFirst("h1")));
        String lang = doc.selectFirst("html[lang]") == null ? null : doc.selectFirst("html[lang]").attr("lang");
        doc.select("script, style, noscript, nav, aside, form, iframe, svg, template, button").remove();
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.selectFirst("main");
        }
        if (root == null) {
            root = doc.body() == null ? doc : doc.body();
        }
        StringBuilder sb = new StringBuilder(Math.min(html.length(), 1 << 20));
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(sb);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(sb);
                }
            }
        }, root);
        String text = sb.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n[ \\n]*", "\n\n").strip();
        if (title != null && text.startsWith(title)) {
            text = text.substring(title.length()).strip();
        }
        return new Page(title == null ? null : title.strip(), text, published,
                lang == null || lang.isBlank() ? null : lang.substring(0, Math.min(2, lang.length())));
    }

    private static void newline(StringBuilder sb) {
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) != '\n') {
            sb.append('\n');
        }
    }

    private static String attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        return e == null ? null : e.attr(attr);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
