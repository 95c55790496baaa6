package io.crossflight.mission.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.crossflight.store.changes.FieldChange;

/** What changed between two views of a mission, field by field, and the tags filters match. */
public final class MissionDiff {

    private MissionDiff() {
    }

    /**
     * Changes of the visible fields (sources and updatedAt are bookkeeping, not news). A crew
     * member is its own field, {@code crew.<personId>}, old/new being the entry or null.
     */
    public static List<FieldChange> changes(MissionView before, MissionView after) {
        List<FieldChange> out = new ArrayList<>();
        field(out, "name", before == null ? null : before.name(), after.name());
        field(out, "aliases", before == null || before.aliases().isEmpty() ? null : before.aliases(),
                after.aliases().isEmpty() ? null : after.aliases());
        field(out, "spacecraft", before == null ? null : before.spacecraft(), after.spacecraft());
        field(out, "launchVehicle", before == null ? null : before.launchVehicle(), after.launchVehicle());
        field(out, "launchSite", before == null ? null : before.launchSite(), after.launchSite());
        field(out, "destination", before == null ? null : before.destination(), after.destination());
        field(out, "launchDate", before == null ? null : before.launchDate(), after.launchDate());
        field(out, "status", before == null ? null : before.status(), after.status());
        Map<String, MissionView.CrewMember> old = byId(before == null ? List.of() : before.crew());
        Map<String, MissionView.CrewMember> now = byId(after.crew());
        Set<String> ids = new TreeSet<>(old.keySet());
        ids.addAll(now.keySet());
        for (String id : ids) {
            field(out, "crew." + id, old.get(id), now.get(id));
        }
        return out;
    }

    private static void field(List<FieldChange> out, String name, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            out.add(new FieldChange(name, old, now));
        }
    }

    private static Map<String, MissionView.CrewMember> byId(List<MissionView.CrewMember> crew) {
        Map<String, MissionView.CrewMember> m = new LinkedHashMap<>();
        crew.forEach(c -> m.put(c.id(), c));
        return m;
    }

    /**
     * Stream and webhook filters: id (also as mission, the key crew changes use for the same
     * thing), status, agency (of the crew), crew (person ids).
     */
    public static Map<String, Set<String>> tags(MissionView v) {
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        tags.put("id", Set.of(v.id()));
        tags.put("mission", Set.of(v.id()));
        tags.put("status", v.status() == null ? Set.of() : Set.of(v.status()));
        Set<String> agencies = new TreeSet<>();
        Set<String> crew = new TreeSet<>();
        for (MissionView.CrewMember c : v.crew()) {
            crew.add(c.id());
            if (c.agency() != null) {
                agencies.add(c.agency());
            }
        }
        tags.put("agency", agencies);
        tags.put("crew", crew);
        return tags;
    }
}
