package io.crossflight.extraction.internal;

import io.crossflight.extraction.MissionStatus;

import java.util.List;
import java.util.regex.Pattern;

/** Cue words and phrases, English and Russian. Kept together so the rules read as a lexicon. */
final class Cues {

    private Cues() {
    }

    /** Cheap gate before a regular expression: does the lower-cased text contain any of the keys? */
    static boolean any(String lower, String... keys) {
        for (String k : keys) {
            if (lower.contains(k)) {
                return true;
            }
        }
        return false;
    }

    static Rx p(String regex) {
        return Rx.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    // ---- events a date can belong to ----
    static final Rx LAUNCH_EVENT = p("\\b(?:launch(?:es|ed|ing)?|lift(?:s|ed)?[ -]?off|liftoff|lifted \\w+ off|"
            + "blast(?:s|ed)?[ -]?off|blastoff|took off|takes? off|takeoff|fl(?:y|ies|ew)|flight(?! readiness| engineer| director| hours| suits?| surgeon| controllers?)|"
            + "send|sent|start(?:ed|s)? (?:from|with)|attempt|try|left (?=Site|pad|the pad|Baikonur|Earth|Kennedy|Launch|Jiuquan))\\b"
            + "|запуск\\p{L}*|старт\\p{L}*|запущен\\p{L}*");
    static final Rx OTHER_EVENT = p("\\b(?:dock(?:s|ed|ing)?|hard-docked|arriv(?:al|e|es|ed)|undock(?:s|ed|ing)?|land(?:s|ed|ing)|"
            + "splash(?:ed|es)?(?: down)?|splashdown|return(?:s|ed|ing)?|depart(?:s|ed|ure)?|born|review|briefing|conference|"
            + "announc\\w+|named|selected|picked|spacewalks?|handover|hand-over|said|told|leak\\w*|incident|ended|relocat\\w+|"
            + "re-?entry|recover\\w*|attack|event|rollout|ceremony|posts?|tweet\\w*|statement)\\b"
            + "|отстыков\\p{L}*|пристыков\\p{L}*|посадк\\p{L}*|вернут\\p{L}*|возвращ\\p{L}*|затоплен\\p{L}*|произошл\\p{L}*|инцидент\\p{L}*|лишил\\p{L}*|случил\\p{L}*");
    static final Rx NEUTRAL_EVENT = p("\\b(?:targeted|targeting|target|scheduled|slated|set for|set to|planned for|no earlier than|NET)\\b"
            + "|назначен\\p{L}*|намечен\\p{L}*|запланирован\\p{L}*");
    static final Rx FUTURE = p("\\b(?:will|'ll|shall|is to|are to|going to|targeting|targeted|scheduled|slated|set for|set to|"
            + "expected|due|planned|plans?|no earlier than|next attempt|next try|upcoming|aims?|would|now|ahead of)\\b"
            + "|будет|будут|планир\\p{L}*|намечен\\p{L}*|назначен\\p{L}*|запланирован\\p{L}*|должн\\p{L}*|предстоящ\\p{L}*");
    static final Rx PAST = p("\\b(?:launched|lifted|blasted|flew|flown|took|docked|landed|splashed|returned|arrived|was|were|had|"
            + "began|started|came|left|spent|ended|launching|undocking|docking|sent|reached|became|joined|said|announced|"
            + "named|called|has|have|ago|last)\\b|был\\p{L}*|стартовал\\p{L}*|запущен\\p{L}*|пристыковал\\p{L}*|вернул\\p{L}*|произошл\\p{L}*|лишил\\p{L}*");
    static final Rx SUPERSEDED = p("\\b(?:previously|originally|initially|had been|had planned|was (?:set|scheduled|targeted|planned)|"
            + "were (?:set|scheduled)|instead of|rather than|before settling|pointed to|delayed from|pushed back from|"
            + "slipped from|no longer|had been targeting|was targeting|earlier plan)\\b|ранее|первоначально|вместо");
    static final Rx STRONG_DATE = p("\\b(?:now|next attempt|next try|new date|rescheduled|retargeted|no earlier than|moved to)\\b");
    static final Rx DATELINE_AFTER = p("^\\s*(?:,\\s*\\d{4})?\\s*(?:\\([A-Z]{2,8}\\))?\\s*[-–—]\\s");
    static final Rx SCRUB = p("\\b(?:scrubbed|scrub|called off|stood down|standing down)\\b");

    // ---- statuses ----
    record StatusCue(Rx pattern, MissionStatus status, boolean guarded, boolean impliedDocked, String... triggers) {
    }

    static final List<StatusCue> STATUS = List.of(
            new StatusCue(p("\\b(?:landed|splashed down|splashes down|splashed to|touched down|returned to Earth|back on Earth|"
                    + "(?:is|are) (?:back )?home|came home|returned home|home after)\\b|приземлил\\p{L}*|вернул(?:ся|ись|ась) на Землю"),
                    MissionStatus.LANDED, true, false, "land", "splash", "touch", "return", "back on", "home", "приземл", "вернул"),
            new StatusCue(p("\\b(?:undocked|after undocking|left the station|separated from the (?:station|ISS))\\b|отстыковал(?:ся|ась|ись)"),
                    MissionStatus.UNDOCKED, true, false, "undock", "left the station", "separated", "отстыков"),
            new StatusCue(p("\\b(?:docked|hard-docked|docking the next day|arrived (?:at|on) (?:the )?(?:station|ISS|Tiangong|orbiting laboratory)|"
                    + "(?:crew|who|they|capsule|spacecraft|ship) arrived|reach(?:es|ed) (?:the )?(?:station|ISS|Tiangong)|"
                    + "(?:is|are) (?:now )?(?:at|aboard|on) the (?:station|ISS|space station|International Space Station|orbiting laboratory)|"
                    + "aboard the ISS|on the station|waiting aboard|in the hands of|hatch opened)\\b|пристыковал(?:ся|ась|ись)"),
                    MissionStatus.DOCKED, true, false, "dock", "arriv", "reach", "aboard", "on the station", "at the station", "waiting", "hands of", "hatch", "пристыков"),
            new StatusCue(p("\\b(?:launched|lifted off|lifts off|lifted (?:them|it|him|her) off|blasted off|took off|started (?:from|with)|"
                    + "has sent|have sent|after launching|(?:is|are) in orbit)\\b(?! an? (?:attack|campaign|investigation|probe|website|program))"
                    + "|стартовал\\p{L}*|(?:был|была|были) запущен\\p{L}*"),
                    MissionStatus.LAUNCHED, true, false, "launch", "lift", "blast", "took off", "started", "sent", "in orbit", "стартов", "запущен"),
            new StatusCue(p("\\b(?:scrubbed|scrub|called off|stood down|standing down)\\b"), MissionStatus.SCRUBBED, false, false, "scrub", "called off", "stood down", "standing down"),
            new StatusCue(p("\\b(?:will (?:launch|lift off|blast off|fly|send|take off)|(?:is|are|was|were|been) (?:now )?(?:set|scheduled|targeted|slated|due) (?:to|for)|"
                    + "targeting|targeted for|scheduled for|scheduled flight|set for|no earlier than|next (?:attempt|try)|slips?|"
                    + "pushed (?:back|the launch)|postponed|delayed|retargeted|rescheduled|will take place|expected to launch)\\b"
                    + "|назначен\\p{L}*|запланирован\\p{L}*|намечен\\p{L}*"),
                    MissionStatus.SCHEDULED, false, false, "will ", "set ", "schedul", "target", "slate", "due", "earlier than", "next", "slip", "push", "postpon", "delay", "retarget", "take place", "назначен", "запланирован", "намечен"),
            new StatusCue(p("\\b(?:cancell?ed|scrapped)\\b"), MissionStatus.CANCELLED, false, false, "cancel", "scrap"),
            new StatusCue(p("\\b(?:launch failure|failed to reach orbit|exploded|aborted (?:during|after) (?:launch|ascent)|ballistic descent)\\b"),
                    MissionStatus.FAILED, false, false, "fail", "explod", "abort", "ballistic"),
            new StatusCue(p("\\b(?:will return|to return|preparing to return|due to (?:return|undock|land|splash down)|"
                    + "will (?:undock|land|splash down|come home|head home))\\b|вернуться"),
                    MissionStatus.DOCKED, false, true, "return", "undock", "land", "splash", "come home", "head home", "вернуться"));
    static final Rx STATUS_GUARD = p("(?:\\b(?:will|would|to be|plans?|planned|expected|due|should|could|may|might|before|weeks|days|first to)\\W+(?:\\w+\\W+){0,2}|\\b(?:first time|never|ever|if|unless)\\b.{0,40})$");
    static final Rx SPACEY = p("\\b(?:crew|rocket|spacecraft|capsule|ship|booster|mission|flight|astronauts?|cosmonauts?|taikonauts?|"
            + "Dragon|Soyuz|Shenzhou|Falcon|Orion|Starliner|they|four|three|trio|station|liftoff|launch)\\b|экипаж|корабл|ракет");

    // ---- people ----
    static final Rx TRAVELLER_BEFORE = p("(?:\\b(?:astronauts?|cosmonauts?|taikonauts?|commander(?!-in-chief)|pilot|mission specialists?(?: \\d)?|"
            + "flight engineers?|payload specialists?|crewmates?|crew members?|backup|rookies?|newcomer|spaceflight participants?|"
            + "space tourists?|(?:crew|team|trio|quartet)\\s+(?:of|[-–—:])|commanded by|piloted by|led by|replac(?:e|es|ed|ing))\\b|астронавт\\p{L}*|космонавт\\p{L}*|тайконавт\\p{L}*|командир\\p{L}*|бортинженер\\p{L}*)"
            + "[\\s,:]*(?:(?:is|are|was|were|of|the|and|,|NASA|ESA|JAXA|CSA|Roscosmos|Colonel|Lieutenant|Major|General|Senior|"
            + "Professor|Dr\\.?|Captain|Air|Force|Navy|(?-i:[A-Z][a-z]+) Air Force|engineer|(?-i:[A-Z]{2,6}))[\\s,:]*){0,4}$");
    static final Rx TRAVELLER_AFTER = p("^(?:['’]s)?\\s*(?:,\\s*(?:an?|the)\\s+(?:[\\w\\-'’]+\\s+){0,5}?(?:astronaut|cosmonaut|taikonaut|crew member)\\b"
            + "|,?\\s*(?:of|from)\\s+(?:NASA|ESA|JAXA|CSA|Roscosmos|the (?:European|Canadian|Japanese) Space Agency|the United Arab Emirates|the UAE)\\b"
            + "|,\\s*(?:NASA|ESA|JAXA|CSA|Roscosmos|CMSA)\\b"
            + "|\\s+(?:will command|as (?:pilot|commander|crewmates?|mission specialists?|flight engineer)|are the (?:two|three|four) (?:cosmonauts|astronauts)|(?:is|are) (?:all )?first-time flyers?)"
            + "|\\s+(?:also\\s+)?(?:named|assigned|selected) (?:to|for) the (?:backup |prime |main )?crew"
            + "|\\s+(?:\\p{L}+\\s+){0,3}(?:в состав\\S* (?:\\S+ )?экипаж\\S*|(?:be )?(?:a )?part of the (?:\\S+ )?crew|join(?:s|ed)? the (?:\\S+ )?crew)"
            + "|\\s*\\(\\p{IsHan}{2,4}\\))");
    static final Rx OFFICIAL_AFTER = p("^\\s*,\\s*(?:the\\s+)?(?:[\\w'’\\-]+\\s+){0,5}?(?:director|administrator|chief|spokes\\w+|manager|"
            + "minister|president|head|deputy|executive|commander-in-chief|official|founder|ceo|secretary|chairman|representative)\\b");
    static final List<String> OFFICIAL_WORDS = List.of("administrator", "director", "chief", "spokesman", "spokeswoman",
            "spokesperson", "manager", "minister", "president", "secretary", "executive", "ceo", "commentator", "official",
            "head", "deputy", "chairman", "founder", "governor", "senator", "prince", "king", "директор", "глава",
            "руководитель", "министр", "президент", "представитель", "исполнительный", "генеральный");
    static final Rx OFFICIAL_BEFORE = p("(?:\\b(?:administrator|director(?: general)?|chief(?: executive)?|spokes(?:man|woman|person)|manager|"
            + "minister|president|secretary|executive|ceo|commentator|official|head|chairman|founder|governor|senator|"
            + "photographer|teacher|reporter|analyst|engineer|filmmaker|actress|actor|journalist|expert)\\b"
            + "|директор\\p{L}*|глав\\p{L}+|руководител\\p{L}*|министр\\p{L}*|президент\\p{L}*|представител\\p{L}*)"
            + "(?:\\s+(?:of|for|at|по|\\p{L}+\\s+программам)\\s+[\\p{L}«»'’\\s]{0,40}?)?[\\s,:«»]*$");
    static final Rx CREW_CUE = p("\\b(?:crew(?:s|mates?| members?)?|commander(?!-in-chief)|command(?:s|ed|ing)?|pilot(?:s|ed)?|mission specialists?|"
            + "payload specialists?|flight engineers?|aboard for|aboard (?:were|was|are|is)|line-?up|taking part|take part|"
            + "will involve|involves|will fly|to fly|will be on|(?:be|is|are) (?:a )?part of|join(?:s|ed)?|named to|assigned to|"
            + "with (?:him|her|them) (?:are|is|were|was|will be)|first-time flyers?|rookies?|newcomer|backup|back-up|"
            + "would make|trio|team of|quartet|replac\\w+)\\b|экипаж\\p{L}*|командир\\p{L}*|бортинженер\\p{L}*|в состав\\p{L}*");
    static final Rx NOT_CREW = p("\\b(?:aboard the (?:station|ISS|orbiting|space station|International)|on (?:board )?the (?:station|ISS|space station|orbiting)|"
            + "at the station|waiting (?:inside|aboard|for them)|welcom\\w+|Expedition \\d+|share the station|"
            + "already (?:aboard|on board|in orbit|on the station)|return(?:s|ed|ing)? (?:on|aboard|home on|to Earth (?:on|aboard))|"
            + "preparing to return|to return|will return|head(?:ing)? home|handover|hand-over|took over from|taken over from|"
            + "takes over|relieved|will relieve|in charge of the station)\\b|на борту станции|вернуться|экспедици\\p{L}+");
    static final Rx BACKUP = p("\\b(?:backup|back-up|understudy|reserve crew)\\b|дублер\\p{L}*|дублёр\\p{L}*|дублирующ\\p{L}*");
    static final Rx OTHER_FLIGHT = p("\\b(?:second such|another|the other|the next|the following|that) (?:[\\w\\-]+ ){0,2}(?:flight|mission|launch)\\b");
    static final Rx REPLACE_NAME_AFTER = p("(?:\\breplac(?:e|es|ed|ing)|\\binstead of|\\bin place of|\\bsubstitut\\w+ for|[Вв]место|заменит\\p{L}*|заменил\\p{L}*)\\s+$");
    static final Rx REPLACED_BY_AFTER = p("^\\s*(?:was|has been|will be|is being|had been)\\s+(?:replaced|removed|pulled|dropped|reassigned|stood down|taken off)\\b");
    static final Rx REPLACE_PRONOUN = p("(?:[Вв]место|instead of|in place of|replac(?:e|es|ed|ing))\\s+(нее|неё|него|его|her|him)\\b");
    static final Rx PRONOUN_START = p("^(?:She|He|Она|Он)\\b");
    static final Rx HISTORY_BEFORE = p("\\b(?:flew|flown|veteran of|before on|also led|led|already|previously|earlier|commanded|piloted|served on|who was on|was on)\\b[^.;:]{0,35}$");
    static final Rx HISTORY_YEAR_AFTER = p("^[^.;]{0,50}?\\b(?:in|of)\\s+(?:\\w+\\s+)?((?:19|20)\\d\\d)\\b");
    static final Rx EXPLICIT_CREW_OF = p("^['’]?s?\\s+(?:crew|team|trio|crewmates|quartet)\\s*(?:of|[-–—:,]|is|are|includes|comprises)?[\\s,:\\-–—]*$");
    static final Rx COMMANDED_BY = p("^\\s*(?:will be |is |was |,\\s*)?commanded by\\s*(?:[\\p{L}\"“”'’\\s]{0,40})?$");
    static final Rx WILL_COMMAND = p("^\\s*(?:will command|commands|is to command|to command)\\s+$");
    static final Rx WHOSE = p("^\\s*,?\\s*(?:whose|чей|чья|чьё|чьи)\\s*[«\"“]?\\s*$");
    static final Rx FLY_ON = p("^\\s*,?\\s*(?:who\\s+)?(?:will|would|is to|are to)\\s+(?:fly|launch|ride|be)\\s+(?:on|aboard|with)\\s+(?:the\\s+)?$");

    static final Rx POSITION = p("(?:\\b(commander(?!-in-chief)|pilot|mission specialists?|flight engineer|payload specialist)\\b|(командир)\\w*|(бортинженер)\\w*)"
            + "(?:\\s+\\d)?[\\s,:]*(?:(?:is|are|was|were|the|NASA|ESA|JAXA|CSA|Roscosmos|Colonel|Lieutenant|Major|General|Senior|Professor|"
            + "Captain|Dr\\.?|Air|Force|(?-i:[A-Z][a-z]+) Air Force|(?-i:[A-Z]{2,6}))[\\s,:]*){0,4}$");
    static final Rx POSITION_AFTER = p("^\\s*(?:,\\s*)?(?:as|will serve as|serves as)\\s+(?:the\\s+)?(commander|pilot|mission specialist|flight engineer)\\b|^\\s*will command");
}
