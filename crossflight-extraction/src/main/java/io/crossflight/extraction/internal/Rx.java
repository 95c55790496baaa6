package io.crossflight.extraction.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression whose {@code find} gives exactly what {@link Matcher#find()} gives, only
 * faster. {@code Matcher.find} runs the whole pattern at every offset; for the cue lexicons (dozens
 * of case-insensitive alternatives behind a {@code \b}) that is two case conversions per alternative
 * per character, and it was most of the reader's time. From the pattern's text this class works out
 * once (a sound over-approximation: when in doubt, everything):
 * <ul>
 *   <li>which characters a match can begin with, and whether it must begin at a word boundary or at
 *       offset 0, so that offsets where no match can begin are skipped with a table look-up;</li>
 *   <li>for each such character, a copy of the pattern without the alternatives that cannot begin
 *       with it (alternatives keep their order, so the one {@code find} would take is the same;
 *       alternatives holding a capturing group or an inline flag are kept but made to fail at once,
 *       so that group numbers and flags do not move), and which characters can come second in a
 *       match of that copy.</li>
 * </ul>
 * The pattern is then run with {@code lookingAt} at the remaining offsets, with transparent,
 * non-anchoring bounds, so that look-behind, {@code \b}, {@code ^} and {@code $} see the whole input
 * exactly as {@code find} does. Constructs where skipping offsets could show (a capture kept from a
 * failed attempt inside an atomic or repeated group or a look-around, {@code ^} in a look-around,
 * {@code \G}, comments mode ...) are refused: such a pattern runs with plain {@code find}.
 * {@link #focus} indexes the sentence most patterns run over, so that their scans skip the insides
 * of words. {@code RxTest} checks every pattern of the reader, and thousands of random ones, against
 * {@code Matcher.find}.
 */
public final class Rx {

    /** Every pattern built here, so that a test can check each against {@link Matcher#find()}. */
    static final List<Rx> ALL = new CopyOnWriteArrayList<>();

    /** Characters below this get their own pattern copy; above, the whole pattern runs. */
    private static final int TABLE = 0x500;

    private final Pattern pattern;
    /** The flags given to compile ({@link Pattern#flags()} reports them as changed by inline flags). */
    private final int flags;
    /** Where a match can begin; null: anywhere (plain {@code find}). */
    private final Starts starts;
    /** Per character below {@link #TABLE}: index into {@link #variants}; 0 is the whole pattern. */
    private final byte[] variantOf;
    /** Pattern copies without the alternatives that cannot begin with the character, built on first use. */
    private final AtomicReferenceArray<Pattern> variants;
    private final String[] variantSource;
    /** Per variant: the chars below TABLE a match's second char can be; NO_FILTER when unknown. */
    private final AtomicReferenceArray<long[]> seconds;
    private static final long[] NO_FILTER = new long[0];

    private Rx(Pattern pattern, int flags, Starts starts, byte[] variantOf, String[] variantSource) {
        this.pattern = pattern;
        this.flags = flags;
        this.starts = starts;
        this.variantOf = variantOf;
        this.variantSource = variantSource;
        this.variants = new AtomicReferenceArray<>(variantSource.length);
        this.seconds = new AtomicReferenceArray<>(variantSource.length);
        variants.set(0, pattern);
        seconds.set(0, secondChars(variantSource[0], flags));
    }

    public static Rx compile(String regex) {
        return compile(regex, 0);
    }

    public static Rx compile(String regex, int flags) {
        Pattern p = Pattern.compile(regex, flags);
        Starts starts = null;
        byte[] variantOf = null;
        String[] sources = {regex};
        try {
            Analysis a = new Analysis(regex, flags);
            starts = a.starts();
            if (starts != null && starts != Starts.AT_ZERO) {
                variantOf = new byte[TABLE];
                List<String> src = new ArrayList<>(List.of(regex));
                Map<String, Integer> bySignature = new HashMap<>();
                for (char c = 0; c < TABLE; c++) {
                    if (starts.may(c)) {
                        // chars that rule out the same alternatives share one copy of the pattern
                        Integer idx = bySignature.get(a.signature(c));
                        if (idx == null && src.size() < Byte.MAX_VALUE) {
                            idx = src.size();
                            src.add(a.without(c));
                            bySignature.put(a.signature(c), idx);
                        }
                        variantOf[c] = (byte) (idx == null ? 0 : idx);
                    }
                }
                sources = src.toArray(String[]::new);
            }
        } catch (RuntimeException unsupported) {
            // a construct the analysis does not know: plain find, still correct
            starts = null;
            variantOf = null;
            sources = new String[]{regex};
        }
        Rx rx = new Rx(p, flags, starts, variantOf, sources);
        ALL.add(rx);
        return rx;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** True when find skips offsets (for tests). */
    boolean skips() {
        return starts != null;
    }

    /** The patterns tried at offsets where the text has {@code c} (for tests). */
    Pattern variantFor(char c) {
        return variantOf == null || c >= TABLE ? pattern : variant(variantOf[c]);
    }

    private Pattern variant(int i) {
        Pattern p = variants.get(i);
        if (p == null) {
            seconds.compareAndSet(i, null, secondChars(variantSource[i], flags));
            p = Pattern.compile(variantSource[i], flags);
            variants.compareAndSet(i, null, p);
        }
        return p;
    }

    private static long[] secondChars(String regex, int flags) {
        try {
            long[] s = new Analysis(regex, flags).secondChars();
            return s == null ? NO_FILTER : s;
        } catch (RuntimeException unsupported) {
            return NO_FILTER;
        }
    }

    /** Whether the char after {@code i} can be a match's second char (for the variant tried at i). */
    private boolean secondFits(int variant, CharSequence t, int i, int n) {
        long[] s = seconds.get(variant);
        if (s == NO_FILTER) {
            return true;
        }
        if (i + 1 >= n) {
            return false; // a match is at least two chars long
        }
        char d = t.charAt(i + 1);
        return d >= TABLE || (s[d >>> 6] & (1L << d)) != 0;
    }

    /** A finder of its own: for a caller that keeps it (no need to close). */
    public Finder matcher(CharSequence s) {
        return new Finder(this, false).reset(s);
    }

    /**
     * A finder that reuses this thread's matchers: close it (try-with-resources) when done. While it is
     * open, another {@code open} of the same pattern on this thread gets a finder of its own.
     */
    public Finder open(CharSequence s) {
        Finder f = scratch.get();
        if (f.open) {
            return matcher(s);
        }
        f.open = true;
        return f.reset(s);
    }

    /** {@code matcher(s).find()}. */
    public boolean in(CharSequence s) {
        try (Finder f = open(s)) {
            return f.find();
        }
    }

    /** {@code matcher(s).matches()}: the whole input. */
    public boolean matches(CharSequence s) {
        try (Finder f = open(s)) {
            return f.matches();
        }
    }

    /** Start of the first match, -1 when none. */
    public int firstStart(CharSequence s) {
        try (Finder f = open(s)) {
            return f.find() ? f.start() : -1;
        }
    }

    /** Start of the last match {@code find} reaches (matches do not overlap), -1 when none. */
    public int lastStart(CharSequence s) {
        try (Finder f = open(s)) {
            int at = -1;
            while (f.find()) {
                at = f.start();
            }
            return at;
        }
    }

    /** Matchers are costly to make and patterns are used a few times per sentence: one set per thread. */
    private final ThreadLocal<Finder> scratch = ThreadLocal.withInitial(() -> new Finder(this, true));

    @Override
    public String toString() {
        return pattern.pattern();
    }

    private static final boolean[] WORD = new boolean[TABLE];

    static {
        for (char c = 0; c < TABLE; c++) {
            WORD[c] = word(c);
        }
    }

    /** Pattern's \b word character (no UNICODE_CHARACTER_CLASS). */
    private static boolean word(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /**
     * Offsets a match can begin at: {@code free} chars anywhere, {@code bounded} chars only where a
     * word boundary is possible (the pattern opens with {@code \b} there).
     */
    record Starts(Chars free, Chars bounded, byte[] table, boolean noAsciiFree) {
        /** The pattern is anchored at offset 0. */
        static final Starts AT_ZERO = new Starts(null, null, null, false);
        private static final byte NO = 0;
        private static final byte FREE = 1;
        private static final byte BOUNDED = 2;

        static Starts of(Chars free, Chars bounded) {
            byte[] table = new byte[TABLE];
            boolean noAsciiFree = true;
            for (char c = 0; c < TABLE; c++) {
                table[c] = free.has(c) ? FREE : bounded.has(c) ? BOUNDED : NO;
                noAsciiFree &= c >= 0x80 || table[c] != FREE;
            }
            return new Starts(free, bounded, table, noAsciiFree);
        }

        boolean may(char c) {
            return free.has(c) || bounded.has(c);
        }

        /** The first offset from {@code i} where a match can begin, else {@code n}. */
        int next(CharSequence s, int i, int n) {
            for (; i < n; i++) {
                if (at(s, i)) {
                    return i;
                }
            }
            return n;
        }

        /** Whether a match can begin at {@code i}. */
        boolean at(CharSequence s, int i) {
            char c = s.charAt(i);
            byte k = c < TABLE ? table[c] : free.has(c) ? FREE : bounded.has(c) ? BOUNDED : NO;
            if (k == NO) {
                return false;
            }
            if (k == FREE || i == 0) {
                return true;
            }
            // \b needs a word char on one side only; unsure with surrogates
            char p = s.charAt(i - 1);
            boolean pw = p < TABLE ? WORD[p] : !Character.isSurrogate(p) && word(p);
            boolean cw = c < TABLE ? WORD[c] : !Character.isSurrogate(c) && word(c);
            return !(pw && cw);
        }
    }

    /**
     * The sentence most patterns are about to run over, indexed once: the offsets that are not an
     * ASCII word char right after a word char. For a pattern whose free starts hold no ASCII char,
     * no match can begin anywhere else (an ASCII char inside a word is neither a free start nor
     * after a possible {@code \b}), so its scan visits these offsets only.
     */
    private static final class Focus {
        CharSequence text;
        int[] stops = new int[256];
        int count;

        void index(CharSequence s) {
            text = s;
            count = 0;
            int n = s.length();
            if (stops.length < n) {
                stops = new int[Math.max(n, stops.length * 2)];
            }
            boolean prevWord = false;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                boolean w = c < TABLE ? WORD[c] : !Character.isSurrogate(c) && word(c);
                if (!(c < 0x80 && w && prevWord)) {
                    stops[count++] = i;
                }
                prevWord = w;
            }
        }
    }

    private static final ThreadLocal<Focus> FOCUS = ThreadLocal.withInitial(Focus::new);

    /** Index {@code s} for this thread: the patterns run over it next will skip inside words. */
    public static void focus(CharSequence s) {
        FOCUS.get().index(s);
    }

    /** The subset of {@link Matcher} the reader uses; {@code find} skips offsets no match can start at. */
    public static final class Finder implements AutoCloseable {
        private final Rx rx;
        /** Matchers by variant, made when first needed; [0] is the whole pattern. */
        private final Matcher[] matchers;
        /** For a reused finder: the text each matcher was last given (reset only when it changes). */
        private final CharSequence[] boundTo;
        private CharSequence text;
        /** The matcher of the last match. */
        private Matcher m;
        private int next;
        /** Index into the focused text's stops, when scanning those. */
        private int stop;
        /** A thread's reused finder, while in use. */
        private boolean open;

        /** reusable: a thread's scratch finder. */
        Finder(Rx rx, boolean reusable) {
            this.rx = rx;
            this.matchers = new Matcher[rx.variantSource.length];
            this.boundTo = reusable ? new CharSequence[matchers.length] : null;
        }

        Finder reset(CharSequence s) {
            text = s;
            next = 0;
            stop = 0;
            m = null;
            return this;
        }

        @Override
        public void close() {
            if (boundTo != null) {
                open = false;
                text = null;
                m = null;
            }
        }

        private Matcher matcher(int variant) {
            Matcher x = matchers[variant];
            if (x == null) {
                x = rx.variant(variant).matcher(text);
                if (rx.starts != null) {
                    // look-behind, \b, ^ and $ see the whole input, as they do for find()
                    x.useTransparentBounds(true).useAnchoringBounds(false);
                }
                matchers[variant] = x;
                if (boundTo != null) {
                    boundTo[variant] = text;
                }
            } else if (boundTo != null && boundTo[variant] != text) {
                x.reset(text);
                boundTo[variant] = text;
            }
            return x;
        }

        public boolean find() {
            Starts starts = rx.starts;
            if (starts == null) {
                if (m == null) {
                    m = matcher(0);
                    m.reset();
                }
                return m.find();
            }
            if (starts == Starts.AT_ZERO) {
                m = matcher(0);
                if (next > 0) {
                    return false;
                }
                next = 1;
                m.reset();
                return m.lookingAt();
            }
            CharSequence t = text;
            int n = t.length();
            if (starts.noAsciiFree()) {
                Focus f = FOCUS.get();
                if (f.text == t) {
                    return find(starts, f.stops, f.count, t, n);
                }
            }
            // the pattern cannot match the empty string: a match starts before the end and ends after its start
            for (int i = starts.next(t, next, n); i < n; i = starts.next(t, i + 1, n)) {
                if (tryAt(t, i, n)) {
                    return true;
                }
            }
            next = n;
            return false;
        }

        /** find() over the focused text's stops only (see {@link Focus}). */
        private boolean find(Starts starts, int[] stops, int count, CharSequence t, int n) {
            int k = stop;
            while (k < count && stops[k] < next) {
                k++;
            }
            for (; k < count; k++) {
                int i = stops[k];
                if (starts.at(t, i) && tryAt(t, i, n)) {
                    stop = k + 1;
                    return true;
                }
            }
            stop = count;
            next = n;
            return false;
        }

        private boolean tryAt(CharSequence t, int i, int n) {
            char c = t.charAt(i);
            int variant = c < TABLE ? rx.variantOf[c] : 0;
            rx.variant(variant); // builds its second-char table on first use
            if (!rx.secondFits(variant, t, i, n)) {
                return false;
            }
            Matcher x = matcher(variant);
            x.region(i, n);
            if (x.lookingAt()) {
                m = x;
                next = x.end();
                return true;
            }
            return false;
        }

        public boolean matches() {
            m = matcher(0);
            m.reset();
            return m.matches();
        }

        public int start() {
            return m.start();
        }

        public int end() {
            return m.end();
        }

        public int start(int group) {
            return m.start(group);
        }

        public int end(int group) {
            return m.end(group);
        }

        public String group() {
            return m.group();
        }

        public String group(int group) {
            return m.group(group);
        }

        public String group(String name) {
            return m.group(name);
        }
    }

    // ------------------------------------------------------------------ analysis of the pattern's text

    private static final Map<String, Chars> CLASS_CACHE = new ConcurrentHashMap<>();
    /** The chars below TABLE, in order: the char at offset c is c. */
    private static final String LOW_CHARS;

    static {
        StringBuilder sb = new StringBuilder(TABLE);
        for (int c = 0; c < TABLE; c++) {
            sb.append((char) c);
        }
        LOW_CHARS = sb.toString();
    }

    /**
     * A set of BMP chars: those below TABLE in 20 words, the rest in a whole-range array made only
     * when the set has one (most fragments are a few Latin letters; the analysis makes thousands).
     */
    static final class Chars {
        static final Chars ALL = new Chars();

        static {
            Arrays.fill(ALL.low, -1L);
            ALL.high = new long[1024];
            Arrays.fill(ALL.high, -1L);
        }

        final long[] low = new long[TABLE / 64];
        long[] high;

        void add(int c) {
            if (c < TABLE) {
                low[c >>> 6] |= 1L << c;
            } else {
                if (high == null) {
                    high = new long[1024];
                }
                high[c >>> 6] |= 1L << c;
            }
        }

        void addAll(Chars o) {
            for (int i = 0; i < low.length; i++) {
                low[i] |= o.low[i];
            }
            if (o.high != null) {
                if (high == null) {
                    high = o.high.clone();
                } else {
                    for (int i = 0; i < high.length; i++) {
                        high[i] |= o.high[i];
                    }
                }
            }
        }

        boolean has(char c) {
            if (c < TABLE) {
                return (low[c >>> 6] & (1L << c)) != 0;
            }
            return high != null && (high[c >>> 6] & (1L << c)) != 0;
        }
    }
    /** fold(c) = the case fold Pattern compares under CASE_INSENSITIVE | UNICODE_CASE. */
    private static volatile char[] fold;

    private static char[] fold() {
        char[] f = fold;
        if (f == null) {
            f = new char[65536];
            for (int c = 0; c < 65536; c++) {
                f[c] = (char) Character.toLowerCase(Character.toUpperCase(c));
            }
            fold = f;
        }
        return f;
    }

    /** What a fragment of the pattern can start with. */
    private static final class Frag {
        /** First chars of matches that need nothing before them. */
        final Chars free = new Chars();
        /** First chars of matches that begin with an obligatory {@code \b}. */
        final Chars bounded = new Chars();
        /** Can match the empty string. */
        boolean nullable;
        /** Never consumes a char (look-around, anchor, boundary, inline flags). */
        boolean zeroWidth;
        /** Every match begins at offset 0: an obligatory {@code ^} or {@code \A} before anything is consumed. */
        boolean anchored;
        /** The fragment is a word boundary {@code \b}. */
        boolean boundary;
        /** Chars that can come second in a match of the fragment. */
        final Chars second = new Chars();
        /** Can match exactly one char (then what follows supplies the second). */
        boolean single;

        static Frag chars(Chars bits) {
            Frag f = new Frag();
            f.free.addAll(bits);
            f.single = true;
            return f;
        }

        static Frag zero() {
            Frag f = new Frag();
            f.nullable = true;
            f.zeroWidth = true;
            return f;
        }

        boolean may(char c) {
            return free.has(c) || bounded.has(c);
        }
    }

    /** One alternative of an alternation that sits where a match begins. */
    private record Alt(int from, int to, Frag first, boolean keep) {
    }

    /** An alternation where a match begins (nothing consumed before it, not repeated, not in a look-around). */
    private static final class StartAlternation {
        final List<Alt> alts = new ArrayList<>();
        boolean valid = true;

        int from() {
            return alts.get(0).from();
        }

        int to() {
            return alts.get(alts.size() - 1).to();
        }
    }

    /**
     * A small recursive-descent reading of the pattern: for each fragment, which characters its match
     * can start with, whether an obligatory {@code \b} or {@code ^} comes first, and whether it can
     * match the empty string. Zero-width constructs consume nothing and are skipped; character
     * classes are evaluated by compiling them alone with the flags in force; a back-reference means
     * "any character"; flags or constructs it does not know ({@code \G}, {@code \Q}, comments or
     * Unicode-class mode, ...) throw, and the pattern then runs with plain {@code find}.
     */
    private static final class Analysis {
        private final String re;
        private int pos;
        private int flags;
        private int groupsOpened;
        private int lookArounds;

        /** Pattern's ^ records offset 0 as the match start; inside a look-around lookingAt then misreports the start. */
        private void anchor() {
            if (lookArounds > 0) {
                throw new IllegalArgumentException("^ in a look-around");
            }
        }

        private void capture() {
            if (lookArounds > 0) {
                throw new IllegalArgumentException("capture in a look-around");
            }
            groupsOpened++;
        }
        private final List<StartAlternation> startAlternations = new ArrayList<>();

        Analysis(String re, int flags) {
            this.re = re;
            if ((flags & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ | Pattern.MULTILINE
                    | Pattern.UNICODE_CHARACTER_CLASS)) != 0) {
                throw new IllegalArgumentException("unsupported flags");
            }
            for (int i = 0; i < re.length(); i++) {
                if (Character.isSurrogate(re.charAt(i))) {
                    throw new IllegalArgumentException("supplementary character in pattern");
                }
            }
            this.flags = flags;
        }

        private Frag top;

        private Frag top() {
            if (top == null) {
                top = alternation(true);
                if (pos != re.length()) {
                    throw new IllegalArgumentException("unbalanced at " + pos);
                }
            }
            return top;
        }

        /**
         * Chars (below TABLE) that can come second in a match, or null when a match may be one char
         * long (or empty): then nothing can be said from the second char.
         */
        long[] secondChars() {
            Frag f = top();
            if (f.nullable || f.single) {
                return null;
            }
            // chars from TABLE up (surrogates among them) are never ruled out
            return f.second.low.clone();
        }

        Starts starts() {
            Frag f = top();
            if (f.nullable) {
                return null;
            }
            if (f.anchored) {
                return Starts.AT_ZERO;
            }
            // a class may match a supplementary code point, whose first char is a surrogate
            for (int c = 0xD800; c <= 0xDFFF; c++) {
                f.free.add(c);
            }
            return Starts.of(f.free, f.bounded);
        }

        private List<StartAlternation> valid;

        private List<StartAlternation> valid() {
            if (valid == null) {
                valid = new ArrayList<>();
                for (StartAlternation a : startAlternations) {
                    if (a.valid) {
                        valid.add(a);
                    }
                }
                // outer before inner
                valid.sort((x, y) -> x.from() != y.from() ? Integer.compare(x.from(), y.from()) : Integer.compare(y.to(), x.to()));
            }
            return valid;
        }

        private static boolean viable(Alt alt, char c) {
            return alt.first().nullable || alt.first().may(c);
        }

        /** Which start alternatives can begin with {@code c}: equal signatures give equal rewrites. */
        String signature(char c) {
            StringBuilder sb = new StringBuilder();
            for (StartAlternation a : valid()) {
                for (Alt alt : a.alts) {
                    sb.append(viable(alt, c) ? '1' : '0');
                }
            }
            return sb.toString();
        }

        /** The pattern's text without the start alternatives that cannot begin with {@code c}. */
        String without(char c) {
            StringBuilder out = new StringBuilder(re.length());
            rewrite(0, re.length(), c, null, out);
            return out.toString();
        }

        private void rewrite(int from, int to, char c, StartAlternation inside, StringBuilder out) {
            int at = from;
            for (StartAlternation a : valid()) {
                if (a == inside || a.from() < at || a.to() > to) {
                    continue; // the one being written, outside, or inside one already written
                }
                out.append(re, at, a.from());
                int written = 0;
                for (Alt alt : a.alts) {
                    boolean viable = viable(alt, c);
                    if (!viable && !alt.keep()) {
                        continue;
                    }
                    if (written++ > 0) {
                        out.append('|');
                    }
                    if (viable) {
                        rewrite(alt.from(), alt.to(), c, a, out);
                    } else {
                        // holds a group or a flag: keep it in place, failing at once
                        out.append("(?!)").append(re, alt.from(), alt.to());
                    }
                }
                if (written == 0) {
                    out.append("(?!)");
                }
                at = a.to();
            }
            out.append(re, at, to);
        }

        private Frag alternation(boolean atStart) {
            Frag out = new Frag();
            out.anchored = true;
            out.zeroWidth = true;
            StartAlternation record = atStart ? new StartAlternation() : null;
            while (true) {
                int from = pos;
                int groupsBefore = groupsOpened;
                Frag s = sequence(atStart);
                if (record != null) {
                    String text = re.substring(from, pos);
                    boolean keep = groupsOpened != groupsBefore || INLINE_FLAGS.matcher(text).find();
                    record.alts.add(new Alt(from, pos, s, keep));
                }
                out.free.addAll(s.free);
                out.bounded.addAll(s.bounded);
                out.second.addAll(s.second);
                out.single |= s.single;
                out.nullable |= s.nullable;
                out.anchored &= s.anchored;
                out.zeroWidth &= s.zeroWidth;
                if (pos < re.length() && re.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                if (record != null) {
                    startAlternations.add(record);
                }
                return out;
            }
        }

        private Frag sequence(boolean atStart) {
            Frag out = new Frag();
            out.nullable = true;
            boolean zeroSoFar = true;
            boolean boundedMode = false;
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                int recorded = startAlternations.size();
                int captures = groupsOpened;
                Frag t = term(atStart && zeroSoFar);
                int q = quantifier();
                if ((q == REPEATED || q == REPEATED_OPTIONAL) && groupsOpened != captures) {
                    // a repeated group can keep an inner capture from a failed attempt, which find() then
                    // reports (stale); skipping attempts would change that: not analysed, plain find
                    throw new IllegalArgumentException("capture in a repeated group");
                }
                if (q != ONCE) {
                    // may be skipped: neither an anchor nor a boundary a match must pass through
                    t.nullable |= q == OPTIONAL || q == REPEATED_OPTIONAL;
                    if (t.nullable) {
                        t.anchored = false;
                        t.boundary = false;
                    }
                    if ((q == REPEATED || q == REPEATED_OPTIONAL) && t.single) {
                        // a one-char repetition followed by the next one
                        t.second.addAll(t.free);
                        t.second.addAll(t.bounded);
                    }
                    if (q == REPEATED || q == REPEATED_OPTIONAL) {
                        // a later repetition starts elsewhere: its alternatives may not be filtered
                        for (int i = recorded; i < startAlternations.size(); i++) {
                            startAlternations.get(i).valid = false;
                        }
                    }
                }
                // second chars: the prefix's own; this term's first after a one-char prefix; this term's own after an empty one
                if (out.single) {
                    out.second.addAll(t.free);
                    out.second.addAll(t.bounded);
                }
                if (out.nullable) {
                    out.second.addAll(t.second);
                }
                out.single = (out.single && t.nullable) || (out.nullable && t.single);
                if (out.nullable) {
                    // the match may start inside this term
                    (boundedMode ? out.bounded : out.free).addAll(t.free);
                    out.bounded.addAll(t.bounded);
                    out.anchored |= t.anchored;
                    if (t.boundary && zeroSoFar) {
                        boundedMode = true;
                    }
                    out.nullable = t.nullable;
                }
                zeroSoFar &= t.zeroWidth;
            }
            out.zeroWidth = zeroSoFar;
            return out;
        }

        private static final int ONCE = 0;
        private static final int OPTIONAL = 1;
        private static final int REPEATED = 2;
        private static final int REPEATED_OPTIONAL = 3;
        private static final Pattern INLINE_FLAGS = Pattern.compile("\\(\\?[a-zA-Z\\-]+[:)]");

        /** Reads an optional quantifier: ONCE (none, or {1}), OPTIONAL (? or {0,1}), REPEATED(_OPTIONAL). */
        private int quantifier() {
            if (pos >= re.length()) {
                return ONCE;
            }
            char c = re.charAt(pos);
            int min;
            int max;
            if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '{') {
                int close = re.indexOf('}', pos);
                String body = re.substring(pos + 1, close);
                int comma = body.indexOf(',');
                min = Integer.parseInt((comma < 0 ? body : body.substring(0, comma)).trim());
                String rest = comma < 0 ? null : body.substring(comma + 1).trim();
                max = comma < 0 ? min : rest.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(rest);
                pos = close + 1;
            } else {
                return ONCE;
            }
            if (pos < re.length() && re.charAt(pos) == '+') {
                // possessive: like an atomic group, see group()
                throw new IllegalArgumentException("possessive quantifier");
            }
            if (pos < re.length() && re.charAt(pos) == '?') {
                pos++;
            }
            if (max > 1) {
                return min == 0 ? REPEATED_OPTIONAL : REPEATED;
            }
            return min == 0 ? OPTIONAL : ONCE;
        }

        private Frag term(boolean atStart) {
            char c = re.charAt(pos);
            switch (c) {
                case '(' -> {
                    return group(atStart);
                }
                case '[' -> {
                    int end = classEnd(pos);
                    String cls = re.substring(pos, end);
                    pos = end;
                    return Frag.chars(evaluate(cls));
                }
                case '\\' -> {
                    return escape();
                }
                case '.' -> {
                    pos++;
                    return Frag.chars(evaluate("."));
                }
                case '^' -> {
                    pos++;
                    anchor();
                    Frag f = Frag.zero();
                    f.anchored = true;
                    return f;
                }
                case '$' -> {
                    pos++;
                    return Frag.zero();
                }
                case '{', '*', '+', '?', ')' -> throw new IllegalArgumentException("unexpected " + c + " at " + pos);
                default -> {
                    pos++;
                    return Frag.chars(literal(c));
                }
            }
        }

        private Frag group(boolean atStart) {
            int saved = flags;
            pos++; // '('
            boolean lookAround = false;
            if (re.startsWith("?", pos)) {
                pos++;
                char k = re.charAt(pos);
                if (k == '>') {
                    // an atomic group (or a capture in a look-around) can keep a capture from a failed
                    // attempt at an earlier offset, which find() then reports: not analysed, plain find
                    throw new IllegalArgumentException("atomic group");
                } else if (k == ':') {
                    pos++;
                } else if (k == '=' || k == '!') {
                    pos++;
                    lookAround = true;
                } else if (k == '<' && (re.charAt(pos + 1) == '=' || re.charAt(pos + 1) == '!')) {
                    pos += 2;
                    lookAround = true;
                } else if (k == '<') {
                    pos = re.indexOf('>', pos) + 1; // named group
                    capture();
                } else {
                    // inline flags: (?iu-s) alone, or (?i: ... )
                    boolean on = true;
                    while (true) {
                        char f = re.charAt(pos++);
                        if (f == ')') {
                            // they hold to the end of the enclosing group, which restores its own flags
                            return Frag.zero();
                        }
                        if (f == ':') {
                            break;
                        }
                        if (f == '-') {
                            on = false;
                            continue;
                        }
                        int bit = switch (f) {
                            case 'i' -> Pattern.CASE_INSENSITIVE;
                            case 'u' -> Pattern.UNICODE_CASE;
                            case 's' -> Pattern.DOTALL;
                            case 'd' -> Pattern.UNIX_LINES;
                            default -> throw new IllegalArgumentException("flag " + f);
                        };
                        flags = on ? flags | bit : flags & ~bit;
                    }
                }
            } else {
                capture();
            }
            lookArounds += lookAround ? 1 : 0;
            Frag inner = alternation(atStart && !lookAround);
            lookArounds -= lookAround ? 1 : 0;
            if (pos >= re.length() || re.charAt(pos) != ')') {
                throw new IllegalArgumentException("unclosed group");
            }
            pos++;
            flags = saved;
            return lookAround ? Frag.zero() : inner;
        }

        private Frag escape() {
            char e = re.charAt(pos + 1);
            switch (e) {
                case 'A' -> {
                    pos += 2;
                    anchor();
                    Frag f = Frag.zero();
                    f.anchored = true;
                    return f;
                }
                case 'b' -> {
                    if (re.startsWith("{", pos + 2)) {
                        throw new IllegalArgumentException("\\b{g}");
                    }
                    pos += 2;
                    Frag f = Frag.zero();
                    f.boundary = true;
                    return f;
                }
                case 'B', 'z', 'Z' -> {
                    pos += 2;
                    return Frag.zero();
                }
                case 'k' -> {
                    pos = re.indexOf('>', pos) + 1;
                    return anyChar();
                }
                case 'p', 'P' -> {
                    int end = re.charAt(pos + 2) == '{' ? re.indexOf('}', pos) + 1 : pos + 3;
                    String cls = re.substring(pos, end);
                    pos = end;
                    return Frag.chars(evaluate(cls));
                }
                case 'u' -> {
                    String cls = re.substring(pos, pos + 6);
                    pos += 6;
                    return Frag.chars(evaluate(cls));
                }
                case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 't', 'n', 'r', 'f', 'e', 'a' -> {
                    String cls = re.substring(pos, pos + 2);
                    pos += 2;
                    return Frag.chars(evaluate(cls));
                }
                default -> {
                    if (e >= '1' && e <= '9') {
                        // back-reference: whatever the group matched, maybe nothing
                        pos += 2;
                        while (pos < re.length() && Character.isDigit(re.charAt(pos))) {
                            pos++;
                        }
                        return anyChar();
                    }
                    if (Character.isLetterOrDigit(e)) {
                        // \G \Q \E \R \X \x \0 \c \N ...: not analysed
                        throw new IllegalArgumentException("unsupported escape \\" + e);
                    }
                    pos += 2;
                    return Frag.chars(literal(e));
                }
            }
        }

        private static Frag anyChar() {
            Frag f = new Frag();
            f.free.addAll(Chars.ALL);
            f.second.addAll(Chars.ALL);
            f.single = true;
            f.nullable = true;
            return f;
        }

        private int classEnd(int start) {
            int depth = 0;
            int i = start;
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    // a ']' right after '[' or '[^' is a literal
                    if (i + 1 < re.length() && re.charAt(i + 1) == '^') {
                        i++;
                    }
                    if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
                        i++;
                    }
                } else if (c == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            throw new IllegalArgumentException("unclosed class");
        }

        private Chars literal(char c) {
            if ((flags & Pattern.CASE_INSENSITIVE) == 0) {
                Chars one = new Chars();
                one.add(c);
                return one;
            }
            return CLASS_CACHE.computeIfAbsent("fold\u0000" + c, k -> {
                // superset of SingleI/SingleU/SliceI/SliceU: ASCII case pairs, and every char with the same Unicode fold
                Chars bits = new Chars();
                bits.add(c);
                char[] f = fold();
                char fc = f[c];
                bits.add(fc);
                bits.add(Character.toLowerCase(c));
                bits.add(Character.toUpperCase(c));
                for (int x = 0; x < 65536; x++) {
                    if (f[x] == fc) {
                        bits.add(x);
                    }
                }
                return bits;
            });
        }

        /**
         * The chars a one-character fragment matches: below TABLE exactly, by asking the regex engine
         * (one find() over those chars); from TABLE up, all of them (a sound over-approximation that
         * spares evaluating the whole BMP for every class at start-up).
         */
        private Chars evaluate(String cls) {
            int f = flags;
            return CLASS_CACHE.computeIfAbsent(f + "\u0000" + cls, k -> {
                Chars bits = new Chars();
                Matcher m = Pattern.compile(cls, f).matcher(LOW_CHARS);
                while (m.find()) {
                    if (m.end() != m.start() + 1) {
                        throw new IllegalArgumentException("not a one-char fragment: " + cls);
                    }
                    bits.add(m.start());
                }
                bits.high = Chars.ALL.high.clone();
                return bits;
            });
        }
    }
}
