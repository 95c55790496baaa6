package io.crossflight.extraction.internal;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sentence splitting: lines first (lists, headers and tweets are lines), then OpenNLP's English
 * model for Latin text and ICU's Russian BreakIterator for Cyrillic text. Over-long sentences are
 * cut so that no later step sees more than {@link #MAX_SENTENCE} characters.
 */
public final class Sentences {

    public record Sentence(int index, int start, String text, int paragraph) {
    }

    public static final int MAX_SENTENCE = 1200;
    private static final Pattern TZ_START = Pattern.compile("^(?:EDT|EST|CDT|CST|PDT|PST|UTC|GMT|Moscow|Beijing|local)\\b.*", Pattern.DOTALL);
    static final Rx ABBREV_END = Rx.compile("(?:\\b(?:a\\.m|p\\.m|Fla|Calif|Tex|Ala|No|Lt|Col|Gen|Dr|Mr|Mrs|Ms|St|Sen|Rep|Gov|Capt|Maj|Sgt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\\.S|approx|vs)\\.)$");

    private static final ThreadLocal<BreakIterator> RUSSIAN =
            ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(new ULocale("ru")));
    private final SentenceModel model;
    private final ThreadLocal<SentenceDetectorME> detector;

    public Sentences() {
        try (InputStream in = Sentences.class.getResourceAsStream("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin")) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP English sentence model not on the classpath");
            }
            model = new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int paragraph = 0;
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            String line = text.substring(pos, end);
            if (line.isBlank()) {
                paragraph++;
            } else {
                splitLine(line, pos, paragraph, out);
            }
            pos = end + 1;
        }
        return out;
    }

    private void splitLine(String line, int offset, int paragraph, List<Sentence> out) {
        List<int[]> spans = new ArrayList<>();
        if (cyrillicMajority(line)) {
            BreakIterator bi = RUSSIAN.get();
            bi.setText(line);
            int s = bi.first();
            for (int e = bi.next(); e != BreakIterator.DONE; s = e, e = bi.next()) {
                spans.add(new int[]{s, e});
            }
        } else if (line.length() > 20_000) {
            // a wall of text: fixed chunks keep the detector's cost linear and bounded
            for (int s = 0; s < line.length(); s += MAX_SENTENCE) {
                spans.add(new int[]{s, Math.min(line.length(), s + MAX_SENTENCE)});
            }
        } else {
            for (Span sp : detector.get().sentPosDetect(line)) {
                spans.add(new int[]{sp.getStart(), sp.getEnd()});
            }
        }
        List<int[]> merged = new ArrayList<>();
        for (int[] sp : spans) {
            if (!merged.isEmpty()) {
                int[] prev = merged.get(merged.size() - 1);
                String prevText = line.substring(prev[0], prev[1]).stripTrailing();
                String cur = line.substring(sp[0], sp[1]).stripLeading();
                if (abbreviationEnd(prevText) && (TZ_START.matcher(cur).matches()
                        || !cur.isEmpty() && !Character.isUpperCase(cur.charAt(0)) || prevText.endsWith("Fla.")
                        || prevText.endsWith("U.S."))) {
                    prev[1] = sp[1];
                    continue;
                }
            }
            merged.add(new int[]{sp[0], sp[1]});
        }
        for (int[] sp : merged) {
            int s = sp[0];
            while (s < sp[1]) {
                int e = Math.min(sp[1], s + MAX_SENTENCE);
                if (e < sp[1]) {
                    int cut = line.lastIndexOf(' ', e);
                    if (cut > s + MAX_SENTENCE / 2) {
                        e = cut;
                    }
                }
                String t = line.substring(s, e).strip();
                if (!t.isEmpty()) {
                    int lead = line.indexOf(t.charAt(0), s);
                    out.add(new Sentence(out.size(), offset + lead, t, paragraph));
                }
                s = e;
            }
        }
    }

    /**
     * ABBREV_END on the sentence: it ends in {@code $} and matches at most 7 chars, so a match starts
     * in the last 9 (a final line terminator may follow it); the last 12 chars give the same answer,
     * {@code \b} included, without scanning a long sentence.
     */
    static boolean abbreviationEnd(String prevText) {
        return ABBREV_END.in(prevText.substring(Math.max(0, prevText.length() - 12)));
    }

    public static boolean cyrillicMajority(String s) {
        int cyr = 0;
        int lat = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0400 && c <= 0x04FF) {
                cyr++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                lat++;
            }
        }
        return cyr > lat;
    }
}
