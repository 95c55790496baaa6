package io.crossflight.extraction.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Russian case forms of personal names back to the nominative: Анну Кикину → Анна Кикина,
 * Сергея Прокопьева → Сергей Прокопьев. The first name (from a list of common names and their
 * generated case forms) tells gender and case; the surname follows the matching paradigm.
 * Foreign names (Франсиско Рубио) do not decline and pass through.
 */
public final class RussianNames {

    private record Form(String nominative, boolean female, String ending) {
    }

    private static final Map<String, Form> FIRST = new HashMap<>();

    static {
        String male = "Сергей Дмитрий Андрей Алексей Николай Олег Антон Пётр Петр Денис Константин Александр Михаил Юрий "
                + "Иван Владимир Фёдор Федор Геннадий Евгений Максим Павел Роман Анатолий Валерий Виктор Кирилл Артём "
                + "Артем Игорь Борис Герман Вадим Аркадий Леонид Станислав Василий Григорий Илья Никита";
        String female = "Анна Елена Валентина Светлана Юлия Мария Татьяна Екатерина Ольга Наталья Ирина Дарья Людмила";
        for (String n : male.split(" ")) {
            addMale(n);
        }
        for (String n : female.split(" ")) {
            addFemale(n);
        }
    }

    private static void addMale(String n) {
        FIRST.put(n, new Form(n, false, "nom"));
        if (n.endsWith("й")) {
            String stem = n.substring(0, n.length() - 1);
            put(stem + "я", n, false, "gen");
            put(stem + "ю", n, false, "dat");
            put(stem + "ем", n, false, "ins");
            put(stem + "е", n, false, "pre");
            put(stem + "и", n, false, "pre");
        } else if (n.endsWith("а")) {
            String stem = n.substring(0, n.length() - 1);
            put(stem + "у", n, false, "acc");
        } else {
            String stem = n.replace("Пётр", "Петр");
            put(stem + "а", n, false, "gen");
            put(stem + "у", n, false, "dat");
            put(stem + "ом", n, false, "ins");
            put(stem + "е", n, false, "pre");
        }
    }

    private static void addFemale(String n) {
        FIRST.put(n, new Form(n, true, "nom"));
        String stem = n.substring(0, n.length() - 1);
        if (n.endsWith("ия")) {
            put(stem + "и", n, true, "gen");
            put(stem + "ю", n, true, "acc");
            put(stem + "ей", n, true, "ins");
        } else if (n.endsWith("ья")) {
            put(stem + "и", n, true, "gen");
            put(stem + "ю", n, true, "acc");
            put(stem + "ей", n, true, "ins");
        } else {
            put(stem + "ы", n, true, "gen");
            put(stem + "и", n, true, "gen");
            put(stem + "е", n, true, "dat");
            put(stem + "у", n, true, "acc");
            put(stem + "ой", n, true, "ins");
        }
    }

    private static void put(String form, String nom, boolean female, String ending) {
        FIRST.putIfAbsent(form, new Form(nom, female, ending));
    }

    private RussianNames() {
    }

    public static boolean isFirstName(String word) {
        return FIRST.containsKey(word);
    }

    /** "Анну Кикину" → "Анна Кикина"; names it cannot analyse come back unchanged. */
    public static String nominative(String name) {
        String[] parts = name.trim().split("\\s+");
        if (parts.length < 2) {
            return name;
        }
        Form f = FIRST.get(parts[0]);
        if (f == null || f.ending().equals("nom")) {
            return name;
        }
        String last = parts[parts.length - 1];
        parts[0] = f.nominative();
        parts[parts.length - 1] = surname(last, f);
        return String.join(" ", parts);
    }

    private static String surname(String s, Form f) {
        String l = s.toLowerCase(Locale.ROOT);
        if (f.female()) {
            if (l.endsWith("скую") || l.endsWith("ской")) {
                return s.substring(0, s.length() - 2) + "ая";
            }
            if (l.matches(".*(ов|ев|ёв|ин|ын)(у|ой)$")) {
                return s.substring(0, s.length() - (l.endsWith("у") ? 1 : 2)) + "а";
            }
            return s;
        }
        if (l.endsWith("ского") || l.endsWith("скому")) {
            return s.substring(0, s.length() - 3) + "ий";
        }
        if (l.endsWith("ским")) {
            return s.substring(0, s.length() - 2) + "ий";
        }
        if (l.matches(".*(ов|ев|ёв|ин|ын)(а|у|е)$")) {
            return s.substring(0, s.length() - 1);
        }
        if (l.matches(".*(ов|ев|ёв|ин|ын)ым$")) {
            return s.substring(0, s.length() - 2);
        }
        if (l.matches(".*[бвгджзклмнпрстфхцчшщ](а|у|ом|е)$") && !l.endsWith("ио")) {
            return s.substring(0, s.length() - (l.endsWith("ом") ? 2 : 1));
        }
        return s;
    }
}
