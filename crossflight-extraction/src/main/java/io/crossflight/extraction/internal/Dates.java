package io.crossflight.extraction.internal;

import io.crossflight.extraction.DatePrecision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date expressions in English and Russian, resolved against the publication date with tense and
 * precision (day, month, season, year). Small and java.time only: general date parsers drop
 * "later this autumn" to a day and put bare months in the past.
 */
public final class Dates {

    public enum Rel { NONE, TODAY, TOMORROW, YESTERDAY, THIS_MONTH, NEXT_MONTH, LAST_MONTH, THIS_YEAR, NEXT_YEAR, LAST_YEAR }

    /** One expression as written; unresolved parts are null. */
    public record Expr(int start, int end, String text, Integer year, Integer month, Integer day, DayOfWeek weekday,
                       Rel rel, String season, int seasonShift, boolean weekdayShiftNext, boolean weekdayShiftLast) {
    }

    public record Resolved(String value, DatePrecision precision, String season, LocalDate day) {
    }

    private static final String MON = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String WD = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final Rx MD = Rx.compile("\\b(?:(?:this|next|last)\\s+)?(?:" + WD + ",?\\s+)?(?:the\\s+)?" + MON
            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Rx DM = Rx.compile("\\b(?:" + WD + ",?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
            + MON + "(?:,?\\s+(\\d{4})\\b)?");
    private static final Rx MY = Rx.compile("\\b(?:(?:early|mid|late|end of)[\\s-]+)?" + MON + "\\s+(?:of\\s+)?(\\d{4})\\b");
    private static final Rx BARE_MONTH = Rx.compile("\\b(?:in|by|for|until|around|from|during|since|before|after|about)\\s+"
            + "(?:(?:early|mid|late|the end of|end of)[\\s-]+)?" + MON + "(?![\\s.]*\\d)");
    private static final Rx YEAR = Rx.compile("\\b(?:(?:early|mid|late|end of)[\\s-]+|(?:in|by|for|of|until|since|during)\\s+(?:early\\s+|mid-|late\\s+)?)((?:19|20)\\d\\d)\\b(?![\\-/]\\d)");
    private static final Rx SEASON = Rx.compile("(?i)\\b(?:(?:later|early|late)\\s+)?(?:(this|next|last|the)\\s+)?(spring|summer|autumn|fall|winter)\\b(?:\\s+(?:of\\s+)?((?:19|20)\\d\\d)\\b)?");
    private static final Rx REL = Rx.compile("(?i)\\b(today|tonight|tomorrow|yesterday|(?:later |earlier )?this month|next month|last month|(?:later |earlier )?this year|next year|last year)\\b");
    private static final Rx WEEKDAY = Rx.compile("\\b(?:(this|next|last)\\s+)?" + WD + "\\b");
    private static final Rx RU_DM = Rx.compile("(?<![\\d])(\\d{1,2})\\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\\s+(\\d{4})(?:\\s*(?:года|г\\.))?)?");
    private static final Rx RU_M = Rx.compile("(?iu)(?<![\\p{L}])(?:в|во)\\s+(январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)(?:\\s+(\\d{4}))?");
    private static final Rx RU_REL = Rx.compile("(?iu)(?<![\\p{L}])(сегодня|завтра|вчера|осенью|весной|летом|зимой|в этом году|в следующем году|в прошлом году|в этом месяце|в следующем месяце)(?![\\p{L}])");
    private static final Rx RU_WD = Rx.compile("(?iu)(?<![\\p{L}])(?:в|во)\\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![\\p{L}])");

    private static final Map<String, Integer> RU_MONTHS = Map.ofEntries(
            Map.entry("янв", 1), Map.entry("фев", 2), Map.entry("мар", 3), Map.entry("апр", 4), Map.entry("ма", 5),
            Map.entry("июн", 6), Map.entry("июл", 7), Map.entry("авг", 8), Map.entry("сен", 9), Map.entry("окт", 10),
            Map.entry("ноя", 11), Map.entry("дек", 12));

    private Dates() {
    }

    /** Every date expression in a sentence, adjacent parts merged ("tomorrow, Thursday, January 18"). */
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] RU_MONTH_KEYS = {"январ", "феврал", "март", "апрел", "мая", "мае", "июн", "июл", "август",
            "сентябр", "октябр", "ноябр", "декабр"};

    private static boolean anyOf(String s, String[] keys) {
        for (String k : keys) {
            if (s.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean cyrillic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0400 && c <= 0x04FF) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasYear(String s) {
        for (int i = 0; i + 3 < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '1' || c == '2') && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(s.charAt(i + 2))
                    && Character.isDigit(s.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    public static List<Expr> find(String s) {
        return find(s, s.toLowerCase(Locale.ROOT));
    }

    /** {@code lower}: {@code s.toLowerCase(Locale.ROOT)}, when the caller has it already. */
    public static List<Expr> find(String s, String lower) {
        List<Expr> raw = new ArrayList<>();
        boolean months = anyOf(s, MONTHS);
        // the Russian keys are Cyrillic: without a Cyrillic letter none can be in the lower-cased text
        boolean hasCyrillic = cyrillic(s);
        boolean cyr = hasCyrillic && lower.length() == s.length() && anyOf(lower, RU_MONTH_KEYS);
        if (months) {
            try (Rx.Finder m = MD.open(s)) {
                while (m.find()) {
                    raw.add(expr(m, year(m.group(4)), month(m.group(2)), day(m.group(3)), wd(m.group(1)), Rel.NONE, null, 0));
                }
            }
        }
        if (months) {
            try (Rx.Finder m = DM.open(s)) {
                while (m.find()) {
                    raw.add(expr(m, year(m.group(4)), month(m.group(3)), day(m.group(2)), wd(m.group(1)), Rel.NONE, null, 0));
                }
            }
        }
        if (months) {
            try (Rx.Finder m = MY.open(s)) {
                while (m.find()) {
                    raw.add(expr(m, year(m.group(2)), month(m.group(1)), null, null, Rel.NONE, null, 0));
                }
            }
        }
        if (months) {
            try (Rx.Finder m = BARE_MONTH.open(s)) {
                while (m.find()) {
                    Expr e = expr(m, null, month(m.group(1)), null, null, Rel.NONE, null, 0);
                    raw.add(trimPreposition(e, s));
                }
            }
        }
        if (hasYear(s)) {
            try (Rx.Finder m = YEAR.open(s)) {
                while (m.find()) {
                    raw.add(trimPreposition(expr(m, year(m.group(1)), null, null, null, Rel.NONE, null, 0), s));
                }
            }
        }
        if (anyOf(lower, new String[]{"spring", "summer", "autumn", "fall", "winter"})) {
            try (Rx.Finder m = SEASON.open(s)) {
                while (m.find()) {
                    String det = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
                    if (det.isEmpty() && m.group(3) == null && !m.group().toLowerCase(Locale.ROOT).startsWith("later")) {
                        continue;
                    }
                    if (det.equals("the") && m.group(3) == null) {
                        continue;
                    }
                    String season = m.group(2).toLowerCase(Locale.ROOT);
                    season = season.equals("fall") ? "autumn" : season;
                    int shift = det.equals("next") ? 1 : det.equals("last") ? -1 : 0;
                    raw.add(expr(m, year(m.group(3)), null, null, null, Rel.NONE, season, shift));
                }
            }
        }
        if (anyOf(lower, new String[]{"today", "tonight", "tomorrow", "yesterday", " month", " year"})) {
            try (Rx.Finder m = REL.open(s)) {
                while (m.find()) {
                    String w = m.group(1).toLowerCase(Locale.ROOT);
                    Rel r = w.equals("today") || w.equals("tonight") ? Rel.TODAY : w.equals("tomorrow") ? Rel.TOMORROW
                            : w.equals("yesterday") ? Rel.YESTERDAY : w.endsWith("this month") ? Rel.THIS_MONTH
                            : w.equals("next month") ? Rel.NEXT_MONTH : w.equals("last month") ? Rel.LAST_MONTH
                            : w.endsWith("this year") ? Rel.THIS_YEAR : w.equals("next year") ? Rel.NEXT_YEAR : Rel.LAST_YEAR;
                    raw.add(expr(m, null, null, null, null, r, null, 0));
                }
            }
        }
        if (s.contains("day")) {
            try (Rx.Finder m = WEEKDAY.open(s)) {
                while (m.find()) {
                    String det = m.group(1) == null ? "" : m.group(1);
                    raw.add(new Expr(m.start(), m.end(), m.group(), null, null, null, wd(m.group(2)), Rel.NONE, null, 0,
                            det.equals("next"), det.equals("last")));
                }
            }
        }
        if (cyr) {
            try (Rx.Finder m = RU_DM.open(s)) {
                while (m.find()) {
                    raw.add(expr(m, year(m.group(3)), ruMonth(m.group(2)), day(m.group(1)), null, Rel.NONE, null, 0));
                }
            }
        }
        if (cyr) {
            try (Rx.Finder m = RU_M.open(s)) {
                while (m.find()) {
                    raw.add(expr(m, year(m.group(2)), ruMonth(m.group(1)), null, null, Rel.NONE, null, 0));
                }
            }
        }
        if (hasCyrillic && anyOf(lower, new String[]{"сегодня", "завтра", "вчера", "осенью", "весной", "летом", "зимой", "году", "месяце"})) {
            try (Rx.Finder m = RU_REL.open(s)) {
                while (m.find()) {
                    String w = m.group(1).toLowerCase(Locale.ROOT);
                    Expr e = switch (w) {
                        case "сегодня" -> expr(m, null, null, null, null, Rel.TODAY, null, 0);
                        case "завтра" -> expr(m, null, null, null, null, Rel.TOMORROW, null, 0);
                        case "вчера" -> expr(m, null, null, null, null, Rel.YESTERDAY, null, 0);
                        case "осенью" -> expr(m, null, null, null, null, Rel.NONE, "autumn", 0);
                        case "весной" -> expr(m, null, null, null, null, Rel.NONE, "spring", 0);
                        case "летом" -> expr(m, null, null, null, null, Rel.NONE, "summer", 0);
                        case "зимой" -> expr(m, null, null, null, null, Rel.NONE, "winter", 0);
                        case "в этом году" -> expr(m, null, null, null, null, Rel.THIS_YEAR, null, 0);
                        case "в следующем году" -> expr(m, null, null, null, null, Rel.NEXT_YEAR, null, 0);
                        case "в прошлом году" -> expr(m, null, null, null, null, Rel.LAST_YEAR, null, 0);
                        case "в этом месяце" -> expr(m, null, null, null, null, Rel.THIS_MONTH, null, 0);
                        default -> expr(m, null, null, null, null, Rel.NEXT_MONTH, null, 0);
                    };
                    raw.add(e);
                }
            }
        }
        if (hasCyrillic && anyOf(lower, new String[]{"понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"})) {
            try (Rx.Finder m = RU_WD.open(s)) {
                while (m.find()) {
                    raw.add(expr(m, null, null, null, ruWeekday(m.group(1)), Rel.NONE, null, 0));
                }
            }
        }
        return merge(dropOverlaps(raw), s);
    }

    private static Expr trimPreposition(Expr e, String s) {
        int i = e.text().indexOf(' ');
        String first = i > 0 ? e.text().substring(0, i).toLowerCase(Locale.ROOT) : "";
        if (List.of("in", "by", "for", "until", "around", "from", "during", "since", "before", "after", "about", "of").contains(first)) {
            int start = e.start() + i + 1;
            return new Expr(start, e.end(), s.substring(start, e.end()), e.year(), e.month(), e.day(), e.weekday(), e.rel(),
                    e.season(), e.seasonShift(), e.weekdayShiftNext(), e.weekdayShiftLast());
        }
        return e;
    }

    private static List<Expr> dropOverlaps(List<Expr> raw) {
        raw.sort(Comparator.comparingInt((Expr e) -> e.end() - e.start()).reversed());
        List<Expr> kept = new ArrayList<>();
        for (Expr e : raw) {
            boolean overlap = false;
            for (Expr k : kept) {
                if (e.start() < k.end() && e.end() > k.start()) {
                    overlap = true;
                    break;
                }
            }
            if (!overlap) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingInt(Expr::start));
        return kept;
    }

    /** Adjacent expressions joined by a comma or space describe one date; the most explicit parts win. */
    private static List<Expr> merge(List<Expr> in, String s) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : in) {
            if (!out.isEmpty()) {
                Expr p = out.get(out.size() - 1);
                String gap = s.substring(p.end(), e.start());
                boolean joinable = gap.matches("[\\s,]{0,3}") && compatible(p, e);
                if (joinable) {
                    out.set(out.size() - 1, new Expr(p.start(), e.end(), s.substring(p.start(), e.end()),
                            first(e.year(), p.year()), first(e.month(), p.month()), first(e.day(), p.day()),
                            first(e.weekday(), p.weekday()), relOf(p, e), first(e.season(), p.season()),
                            p.seasonShift() + e.seasonShift(), p.weekdayShiftNext() || e.weekdayShiftNext(),
                            p.weekdayShiftLast() || e.weekdayShiftLast()));
                    continue;
                }
            }
            out.add(e);
        }
        return out;
    }

    private static boolean compatible(Expr a, Expr b) {
        if (a.day() != null && b.day() != null) {
            return false;
        }
        return !(a.month() != null && b.month() != null);
    }

    private static Rel relOf(Expr p, Expr e) {
        // "May 30 last year": the relative year applies to the explicit date
        if (p.day() != null || e.day() != null) {
            Rel r = p.rel() != Rel.NONE ? p.rel() : e.rel();
            return r == Rel.LAST_YEAR || r == Rel.NEXT_YEAR || r == Rel.THIS_YEAR ? r : Rel.NONE;
        }
        return p.rel() != Rel.NONE ? p.rel() : e.rel();
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    /**
     * Resolve against the reference date. {@code tense}: 1 future, -1 past, 0 unknown.
     * {@code yearContext}: a year stated earlier in the same sentence ("late 2024, around November").
     */
    public static Resolved resolve(Expr e, LocalDate ref, int tense, Integer yearContext) {
        int refYear = ref.getYear();
        Integer year = e.year();
        if (year == null && e.rel() == Rel.LAST_YEAR) {
            year = refYear - 1;
        } else if (year == null && e.rel() == Rel.NEXT_YEAR) {
            year = refYear + 1;
        } else if (year == null && e.rel() == Rel.THIS_YEAR && e.month() != null) {
            year = refYear;
        }
        if (e.month() != null && e.day() != null) {
            LocalDate d;
            if (year != null) {
                d = safeDate(year, e.month(), e.day());
            } else if (yearContext != null) {
                d = safeDate(yearContext, e.month(), e.day());
            } else {
                d = pickYear(ref, tense, y -> safeDate(y, e.month(), e.day()));
            }
            return d == null ? null : new Resolved(d.toString(), DatePrecision.DAY, null, d);
        }
        if (e.month() != null) {
            YearMonth ym;
            if (year != null) {
                ym = YearMonth.of(year, e.month());
            } else if (yearContext != null) {
                ym = YearMonth.of(yearContext, e.month());
            } else {
                ym = pickMonth(ref, tense, e.month());
            }
            return new Resolved(ym.toString(), DatePrecision.MONTH, null, ym.atDay(1));
        }
        if (e.weekday() != null) {
            LocalDate d = pickWeekday(ref, tense, e);
            return new Resolved(d.toString(), DatePrecision.DAY, null, d);
        }
        switch (e.rel()) {
            case TODAY:
                return day(ref);
            case TOMORROW:
                return day(ref.plusDays(1));
            case YESTERDAY:
                return day(ref.minusDays(1));
            case THIS_MONTH:
                return month(YearMonth.from(ref));
            case NEXT_MONTH:
                return month(YearMonth.from(ref).plusMonths(1));
            case LAST_MONTH:
                return month(YearMonth.from(ref).minusMonths(1));
            default:
                break;
        }
        if (e.season() != null) {
            int y = year != null ? year : refYear + e.seasonShift();
            return new Resolved(Integer.toString(y), DatePrecision.SEASON, e.season(), LocalDate.of(y, seasonMonth(e.season()), 1));
        }
        if (year != null) {
            return new Resolved(Integer.toString(year), DatePrecision.YEAR, null, LocalDate.of(year, 1, 1));
        }
        if (e.rel() == Rel.THIS_YEAR) {
            return new Resolved(Integer.toString(refYear), DatePrecision.YEAR, null, LocalDate.of(refYear, 1, 1));
        }
        return null;
    }

    private static int seasonMonth(String season) {
        return switch (season) {
            case "spring" -> 3;
            case "summer" -> 6;
            case "autumn" -> 9;
            default -> 12;
        };
    }

    private static Resolved day(LocalDate d) {
        return new Resolved(d.toString(), DatePrecision.DAY, null, d);
    }

    private static Resolved month(YearMonth ym) {
        return new Resolved(ym.toString(), DatePrecision.MONTH, null, ym.atDay(1));
    }

    private static LocalDate pickYear(LocalDate ref, int tense, java.util.function.IntFunction<LocalDate> at) {
        LocalDate best = null;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            LocalDate d = at.apply(y);
            if (d == null) {
                continue;
            }
            if (tense > 0 && d.isBefore(ref.minusDays(1))) {
                continue;
            }
            if (tense < 0 && d.isAfter(ref)) {
                continue;
            }
            if (best == null || Math.abs(d.toEpochDay() - ref.toEpochDay()) < Math.abs(best.toEpochDay() - ref.toEpochDay())) {
                best = d;
            }
        }
        return best;
    }

    private static YearMonth pickMonth(LocalDate ref, int tense, int month) {
        YearMonth now = YearMonth.from(ref);
        YearMonth best = null;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            YearMonth ym = YearMonth.of(y, month);
            if (tense > 0 && ym.isBefore(now)) {
                continue;
            }
            if (tense < 0 && ym.isAfter(now)) {
                continue;
            }
            if (best == null || Math.abs(months(ym) - months(now)) < Math.abs(months(best) - months(now))) {
                best = ym;
            }
        }
        return best == null ? YearMonth.of(ref.getYear(), month) : best;
    }

    private static long months(YearMonth ym) {
        return ym.getYear() * 12L + ym.getMonthValue();
    }

    private static LocalDate pickWeekday(LocalDate ref, int tense, Expr e) {
        DayOfWeek wd = e.weekday();
        int fwd = (wd.getValue() - ref.getDayOfWeek().getValue() + 7) % 7;
        LocalDate next = ref.plusDays(fwd == 0 ? 7 : fwd);
        LocalDate prev = ref.minusDays((7 - fwd) % 7);
        if (e.weekdayShiftNext() || tense > 0) {
            return fwd == 0 && e.text().toLowerCase(Locale.ROOT).startsWith("this") ? ref : next;
        }
        if (e.weekdayShiftLast() || tense < 0) {
            return prev;
        }
        return (next.toEpochDay() - ref.toEpochDay()) < (ref.toEpochDay() - prev.toEpochDay()) ? next : prev;
    }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException ex) {
            return null;
        }
    }

    private static Expr expr(Rx.Finder m, Integer y, Integer mo, Integer d, DayOfWeek wd, Rel rel, String season, int shift) {
        return new Expr(m.start(), m.end(), m.group(), y, mo, d, wd, rel, season, shift, false, false);
    }

    private static Integer year(String s) {
        return s == null ? null : Integer.parseInt(s);
    }

    private static Integer day(String s) {
        if (s == null) {
            return null;
        }
        int d = Integer.parseInt(s);
        return d >= 1 && d <= 31 ? d : null;
    }

    private static Integer month(String s) {
        if (s == null) {
            return null;
        }
        String k = s.toLowerCase(Locale.ROOT).substring(0, 3);
        return switch (k) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    private static Integer ruMonth(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Integer> e : RU_MONTHS.entrySet()) {
            if (l.startsWith(e.getKey()) && !(e.getKey().equals("ма") && l.startsWith("мар"))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static DayOfWeek wd(String s) {
        return s == null ? null : DayOfWeek.valueOf(s.toUpperCase(Locale.ROOT));
    }

    private static DayOfWeek ruWeekday(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "понедельник" -> DayOfWeek.MONDAY;
            case "вторник" -> DayOfWeek.TUESDAY;
            case "среду" -> DayOfWeek.WEDNESDAY;
            case "четверг" -> DayOfWeek.THURSDAY;
            case "пятницу" -> DayOfWeek.FRIDAY;
            case "субботу" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    // ---- time of day and zones: a launch date is the calendar date at the launch site ----

    private static final Rx TIME = Rx.compile("(?i)\\b(\\d{1,2})[:.](\\d{2})\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*"
            + "(EDT|EST|CDT|CST|PDT|PST|UTC|GMT|MSK|BJT|CET|CEST|Moscow time|Beijing time|Baikonur time|Kazakhstan time|local time|Turkish time|по московскому времени|мск)?");

    public record TimeOfDay(int start, int end, LocalTime time, ZoneId zone, boolean local) {
    }

    /** The time of day written nearest to a date expression (within the window), with its zone when stated. */
    public static TimeOfDay timeNear(String s, int dateStart, int dateEnd) {
        TimeOfDay best = null;
        int bestDist = Integer.MAX_VALUE;
        try (Rx.Finder m = TIME.open(s)) {
            while (m.find()) {
                int h = Integer.parseInt(m.group(1));
                int min = Integer.parseInt(m.group(2));
                if (h > 23 || min > 59) {
                    continue;
                }
                String ampm = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
                if (ampm.startsWith("p") && h < 12) {
                    h += 12;
                } else if (ampm.startsWith("a") && h == 12) {
                    h = 0;
                }
                String z = m.group(4);
                if (z == null && ampm.isEmpty()) {
                    continue;
                }
                int dist = m.start() >= dateEnd ? m.start() - dateEnd : m.end() <= dateStart ? dateStart - m.end() : 0;
                if (dist > 45 || s.substring(Math.min(m.end(), dateStart), Math.max(m.start(), dateEnd)).contains("(")) {
                    continue;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    ZoneId zone = zone(z);
                    best = new TimeOfDay(m.start(), m.end(), LocalTime.of(h, min), zone,
                            z != null && z.toLowerCase(Locale.ROOT).startsWith("local"));
                }
            }
        }
        return best;
    }

    private static ZoneId zone(String z) {
        if (z == null) {
            return null;
        }
        return switch (z.toLowerCase(Locale.ROOT)) {
            case "edt" -> ZoneOffset.ofHours(-4);
            case "est" -> ZoneOffset.ofHours(-5);
            case "cdt" -> ZoneOffset.ofHours(-5);
            case "cst" -> ZoneOffset.ofHours(-6);
            case "pdt" -> ZoneOffset.ofHours(-7);
            case "pst" -> ZoneOffset.ofHours(-8);
            case "utc", "gmt" -> ZoneOffset.UTC;
            case "msk", "moscow time", "по московскому времени", "мск", "turkish time" -> ZoneOffset.ofHours(3);
            case "bjt", "beijing time" -> ZoneOffset.ofHours(8);
            case "cet" -> ZoneOffset.ofHours(1);
            case "cest" -> ZoneOffset.ofHours(2);
            case "baikonur time", "kazakhstan time" -> ZoneOffset.ofHours(6);
            default -> null;
        };
    }

    /** The site's clock: Florida, Baikonur (UTC+6 until March 2024, then +5), Jiuquan/Wenchang (UTC+8). */
    public static ZoneId siteZone(String site, LocalDate date) {
        if (site == null) {
            return null;
        }
        return switch (site) {
            case "Kennedy Space Center", "Cape Canaveral Space Force Station" -> ZoneId.of("America/New_York");
            case "Baikonur Cosmodrome" -> ZoneOffset.ofHours(date.isBefore(LocalDate.of(2024, 3, 1)) ? 6 : 5);
            case "Jiuquan Satellite Launch Center", "Wenchang Space Launch Site" -> ZoneOffset.ofHours(8);
            case "Vostochny Cosmodrome" -> ZoneOffset.ofHours(9);
            case "Vandenberg Space Force Base" -> ZoneId.of("America/Los_Angeles");
            default -> null;
        };
    }

    /** The date at the site for a date written with a time in another zone; the date itself when unsure. */
    public static LocalDate atSite(LocalDate written, TimeOfDay t, String site) {
        if (t == null || t.zone() == null || t.local()) {
            return written;
        }
        ZoneId siteZone = siteZone(site, written);
        if (siteZone == null) {
            return written;
        }
        ZonedDateTime at = ZonedDateTime.of(LocalDateTime.of(written, t.time()), t.zone());
        return at.withZoneSameInstant(siteZone).toLocalDate();
    }
}
