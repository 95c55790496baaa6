package io.crossflight.extraction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe directory in memory: people by id, indexed by every alias's lookup keys. */
public final class InMemoryPersonDirectory implements PersonDirectory {

    private final Map<String, CrewMember> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsByKey = new ConcurrentHashMap<>();

    @Override
    public Collection<CrewMember> candidates(String key) {
        Set<String> ids = idsByKey.get(key);
        if (ids == null) {
            return List.of();
        }
        List<CrewMember> out = new ArrayList<>();
        synchronized (ids) {
            for (String id : ids) {
                CrewMember m = byId.get(id);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void remember(CrewMember person) {
        CrewMember merged = merge(byId.get(person.id()), person);
        byId.put(merged.id(), merged);
        index(merged.id(), merged.name());
        merged.aliases().forEach(a -> index(merged.id(), a));
    }

    public CrewMember get(String id) {
        return byId.get(id);
    }

    public Collection<CrewMember> all() {
        return List.copyOf(byId.values());
    }

    /** Same id: the known name stays, aliases are unioned, known facts are kept unless unknown. */
    public static CrewMember merge(CrewMember old, CrewMember incoming) {
        if (old == null) {
            return incoming;
        }
        Set<String> aliases = new LinkedHashSet<>(old.aliases());
        if (!incoming.name().equals(old.name())) {
            aliases.add(incoming.name());
        }
        aliases.addAll(incoming.aliases());
        aliases.remove(old.name());
        return new CrewMember(old.id(), old.name(), List.copyOf(aliases),
                old.agency() != null ? old.agency() : incoming.agency(),
                old.nationality() != null ? old.nationality() : incoming.nationality(),
                old.role() != null ? old.role() : incoming.role());
    }

    private void index(String id, String name) {
        for (String key : PersonNames.lookupKeys(name)) {
            idsByKey.computeIfAbsent(key, k -> java.util.Collections.synchronizedSet(new LinkedHashSet<>())).add(id);
        }
    }
}
