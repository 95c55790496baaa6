package io.crossflight.events;

import java.text.Normalizer;
import java.util.Locale;

/** Lower-case ASCII slugs of canonical names: {@code Soyuz MS-22} → {@code soyuz-ms-22}. */
public final class Slugs {
    private Slugs() {
    }

    /** Slug of a name already in Latin script (transliterate other scripts first). */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder(ascii.length());
        boolean dash = false;
        for (char c : ascii.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                dash = false;
            } else if (!dash && sb.length() > 0 && c != '\'' && c != '\u2019' && c != '\u02b9') {
                sb.append('-');
                dash = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '-') {
            end--;
        }
        return sb.substring(0, end);
    }
}
