package io.crossflight.extraction.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gazetteers of rockets, spacecraft, launch sites, destinations and agencies, matched on character offsets. */
public final class Lexicon {

    public enum Kind { VEHICLE, SPACECRAFT, SITE, DESTINATION, AGENCY, COMPANY, IGNORE }

    public record Entry(Kind kind, String canonical, Family.Vehicle vehicle) {
    }

    public record Hit(int start, int end, String text, Entry entry) {
    }

    private final Keywords exact;
    private final Keywords folded;
    private final Map<String, Entry> exactEntries = new HashMap<>();
    private final Map<String, Entry> foldedEntries = new HashMap<>();

    public Lexicon() {
        // case-insensitive: long unambiguous names (datelines are often in capitals)
        fold(Kind.SITE, "Baikonur Cosmodrome", null, "Baikonur Cosmodrome", "Baikonur cosmodrome");
        fold(Kind.SITE, "Kennedy Space Center", null, "Kennedy Space Center", "Kennedy Space Centre",
                "Launch Complex 39A", "Launch Complex 39B", "Launch Pad 39B", "Launch Pad 39A");
        fold(Kind.SITE, "Cape Canaveral Space Force Station", null, "Cape Canaveral Space Force Station",
                "Cape Canaveral Air Force Station", "Space Launch Complex 40", "Space Launch Complex 41");
        fold(Kind.SITE, "Jiuquan Satellite Launch Center", null, "Jiuquan Satellite Launch Center",
                "Jiuquan Satellite Launch Centre", "Jiuquan launch centre", "Jiuquan launch center",
                "Jiuquan space centre", "Jiuquan space center");
        fold(Kind.SITE, "Wenchang Space Launch Site", null, "Wenchang Space Launch Site", "Wenchang Spacecraft Launch Site");
        fold(Kind.SITE, "Vostochny Cosmodrome", null, "Vostochny Cosmodrome");
        fold(Kind.SITE, "Vandenberg Space Force Base", null, "Vandenberg Space Force Base");
        fold(Kind.DESTINATION, "ISS", null, "International Space Station", "Международной космической станции",
                "Международная космическая станция", "Международную космическую станцию");
        fold(Kind.DESTINATION, "Tiangong", null, "China Space Station", "Chinese space station", "Tiangong space station");
        fold(Kind.VEHICLE, "Space Launch System", Family.Vehicle.ORION, "Space Launch System");
        fold(Kind.AGENCY, "ESA", null, "European Space Agency");
        fold(Kind.AGENCY, "CSA", null, "Canadian Space Agency");
        fold(Kind.AGENCY, "JAXA", null, "Japan Aerospace Exploration Agency");
        fold(Kind.AGENCY, "CMSA", null, "China Manned Space Agency", "China Manned Space Engineering Office");
        fold(Kind.AGENCY, "CNSA", null, "China National Space Administration");
        fold(Kind.AGENCY, "MBRSC", null, "Mohammed Bin Rashid Space Centre", "Mohammed bin Rashid Space Center",
                "United Arab Emirates");
        fold(Kind.IGNORE, "", null, "Dragon Boat Festival", "Commercial Crew Program", "Commercial Crew Programme");

        // case-sensitive: short or ambiguous names
        exact(Kind.SITE, "Baikonur Cosmodrome", null, "Baikonur", "Байконур", "Байконура", "Байконуре", "Site 31",
                "Site 31/6", "Site 1/5", "Gagarin's Start");
        exact(Kind.SITE, "Kennedy Space Center", null, "KSC", "LC-39A", "LC-39B", "pad 39A", "Pad 39A", "pad 39B",
                "Pad 39B", "Kennedy");
        exact(Kind.SITE, "Cape Canaveral Space Force Station", null, "SLC-40", "SLC-41", "Cape Canaveral");
        exact(Kind.SITE, "Jiuquan Satellite Launch Center", null, "Jiuquan", "JSLC", "酒泉");
        exact(Kind.SITE, "Wenchang Space Launch Site", null, "Wenchang");
        exact(Kind.SITE, "Vostochny Cosmodrome", null, "Vostochny", "Восточный");
        exact(Kind.VEHICLE, "Soyuz-2.1a", Family.Vehicle.SOYUZ, "Soyuz-2.1a", "Soyuz 2.1a", "Soyuz-2-1a", "Союз-2.1а",
                "Союз-2.1a");
        exact(Kind.VEHICLE, "Soyuz-FG", Family.Vehicle.SOYUZ, "Soyuz-FG", "Soyuz FG");
        exact(Kind.VEHICLE, "Falcon 9", Family.Vehicle.DRAGON, "Falcon 9", "Falcon-9");
        exact(Kind.VEHICLE, "Long March 2F", Family.Vehicle.SHENZHOU, "Long March 2F", "Long March-2F", "Long March 2F/G",
                "CZ-2F", "Chang Zheng 2F", "Long March-2F Y");
        exact(Kind.VEHICLE, "Space Launch System", Family.Vehicle.ORION, "SLS");
        exact(Kind.VEHICLE, "Atlas V", Family.Vehicle.STARLINER, "Atlas V", "Atlas 5");
        exact(Kind.SPACECRAFT, "Crew Dragon", Family.Vehicle.DRAGON, "Crew Dragon", "Dragon", "Dragon capsule",
                "Dragon spacecraft", "Dragon Endeavour", "Dragon Freedom", "Dragon Resilience", "Dragon Endurance");
        exact(Kind.SPACECRAFT, "Soyuz MS", Family.Vehicle.SOYUZ, "Soyuz", "Soyuz MS", "Союз", "Союза", "Союзе", "Союзом");
        exact(Kind.SPACECRAFT, "Shenzhou", Family.Vehicle.SHENZHOU, "Shenzhou");
        exact(Kind.SPACECRAFT, "Orion", Family.Vehicle.ORION, "Orion");
        exact(Kind.SPACECRAFT, "Starliner", Family.Vehicle.STARLINER, "Starliner", "CST-100");
        exact(Kind.SPACECRAFT, "Progress MS", Family.Vehicle.PROGRESS, "Progress", "Прогресс", "Прогресса");
        exact(Kind.SPACECRAFT, "Cygnus", Family.Vehicle.CARGO, "Cygnus");
        exact(Kind.DESTINATION, "ISS", null, "ISS", "МКС", "Nauka", "Prichal", "Zvezda", "Poisk", "Harmony", "Наука",
                "Причал", "Звезда", "Поиск");
        exact(Kind.DESTINATION, "Tiangong", null, "Tiangong", "Tianhe", "Wentian", "Mengtian");
        exact(Kind.DESTINATION, "Moon", null, "Moon", "lunar", "Луну", "Луна");
        exact(Kind.DESTINATION, "Mars", null, "Mars");
        exact(Kind.AGENCY, "NASA", null, "NASA");
        exact(Kind.AGENCY, "Roscosmos", null, "Roscosmos", "Роскосмос", "Роскосмоса", "Роскосмосом", "Роскосмосу");
        exact(Kind.AGENCY, "ESA", null, "ESA");
        exact(Kind.AGENCY, "JAXA", null, "JAXA");
        exact(Kind.AGENCY, "CSA", null, "CSA");
        exact(Kind.AGENCY, "CNSA", null, "CNSA");
        exact(Kind.AGENCY, "CMSA", null, "CMSA");
        exact(Kind.AGENCY, "MBRSC", null, "MBRSC", "UAE", "Emirati");
        exact(Kind.AGENCY, "ISRO", null, "ISRO");
        exact(Kind.AGENCY, "Axiom Space", null, "Axiom Space", "Axiom");
        exact(Kind.COMPANY, "SpaceX", null, "SpaceX");
        exact(Kind.COMPANY, "Boeing", null, "Boeing");
        exact(Kind.IGNORE, "", null, "Soyuz MS-", "Kennedy Space Center", "Landing Zone");

        exact = new Keywords(exactEntries.keySet(), false);
        folded = new Keywords(foldedEntries.keySet(), true);
    }

    /** The keywords matched case-sensitively and case-insensitively (for tests). */
    Collection<String> exactKeywords() {
        return exactEntries.keySet();
    }

    Collection<String> foldedKeywords() {
        return foldedEntries.keySet();
    }

    private void fold(Kind kind, String canonical, Family.Vehicle v, String... names) {
        for (String n : names) {
            foldedEntries.put(n.toLowerCase(), new Entry(kind, canonical, v));
        }
    }

    private void exact(Kind kind, String canonical, Family.Vehicle v, String... names) {
        for (String n : names) {
            exactEntries.put(n, new Entry(kind, canonical, v));
        }
    }

    /** Every gazetteer hit, longest match first where two overlap, in text order. */
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        int[] starts = Keywords.wordStarts(text);
        for (Keywords.Match em : folded.find(text, starts)) {
            Entry en = foldedEntries.get(em.keyword().toLowerCase());
            if (en != null) {
                hits.add(new Hit(em.start(), em.end(), text.substring(em.start(), em.end()), en));
            }
        }
        for (Keywords.Match em : exact.find(text, starts)) {
            Entry en = exactEntries.get(em.keyword());
            if (en == null) {
                continue;
            }
            int s = em.start();
            int end = em.end();
            boolean overlaps = false;
            for (Hit h : hits) {
                if (s < h.end() && end > h.start()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                hits.add(new Hit(s, end, text.substring(s, end), en));
            }
        }
        hits.removeIf(h -> h.entry().kind() == Kind.IGNORE);
        hits.sort(Comparator.comparingInt(Hit::start));
        return hits;
    }
}
