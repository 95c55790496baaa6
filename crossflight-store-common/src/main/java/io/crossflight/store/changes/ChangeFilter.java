package io.crossflight.store.changes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which changes a stream or webhook subscriber wants: every criterion must match (AND), any
 * value of a criterion may match (OR). Keys are tag names ({@code type}, {@code id},
 * {@code status}, {@code agency}, {@code crew}, {@code mission}); values compare case-insensitively.
 */
public final class ChangeFilter {

    public static final ChangeFilter ALL = new ChangeFilter(Map.of());

    private final Map<String, Set<String>> criteria;

    private ChangeFilter(Map<String, Set<String>> criteria) {
        this.criteria = criteria;
    }

    public static ChangeFilter of(Map<String, ? extends Collection<String>> criteria) {
        Builder b = builder();
        criteria.forEach(b::with);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Set<String>> criteria() {
        return criteria;
    }

    public boolean isEmpty() {
        return criteria.isEmpty();
    }

    public boolean matches(LoggedChange change) {
        for (Map.Entry<String, Set<String>> c : criteria.entrySet()) {
            Set<String> have;
            if (c.getKey().equals("type")) {
                have = Set.of(change.type().toLowerCase(Locale.ROOT));
            } else if (c.getKey().equals("id")) {
                have = Set.of(change.entityId().toLowerCase(Locale.ROOT));
            } else {
                have = change.tags().getOrDefault(c.getKey(), Set.of());
            }
            if (c.getValue().stream().noneMatch(have::contains)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return criteria.toString();
    }

    public static final class Builder {
        private final Map<String, Set<String>> criteria = new LinkedHashMap<>();

        /** Adds values for a key; blank values and comma-separated lists are handled; nothing given adds nothing. */
        public Builder with(String key, Collection<String> values) {
            if (values == null) {
                return this;
            }
            Set<String> set = new TreeSet<>();
            for (String v : values) {
                if (v == null) {
                    continue;
                }
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        set.add(part.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (!set.isEmpty()) {
                criteria.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).addAll(set);
            }
            return this;
        }

        public Builder with(String key, String... values) {
            return with(key, java.util.Arrays.asList(values));
        }

        public ChangeFilter build() {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            criteria.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            return new ChangeFilter(Map.copyOf(copy));
        }
    }
}
