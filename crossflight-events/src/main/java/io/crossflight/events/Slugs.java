package io.crossflight.events;

import java.text.Normalizer;
import java.util.Locale;

/** Lower-case ASCII slugs of canonical names: {@code Soyuz MS-22} → {@code soyuz-ms-22}. */
public final class Slugs {
    private Slugs() {
    }

    /** Slug of a name already in Latin script (transliterate other scripts first). */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(foldLetters(name), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
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

    /** Latin letters that carry no combining mark, so NFKD alone would drop them (Gezeravcı, Østergaard). */
    private static String foldLetters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ı' -> sb.append('i');
                case 'ø', 'Ø' -> sb.append('o');
                case 'æ', 'Æ' -> sb.append("ae");
                case 'œ', 'Œ' -> sb.append("oe");
                case 'ß' -> sb.append("ss");
                case 'đ', 'Đ' -> sb.append('d');
                case 'ł', 'Ł' -> sb.append('l');
                case 'þ', 'Þ' -> sb.append("th");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
