package io.crossflight.extraction;

import io.crossflight.extraction.internal.Dates;
import io.crossflight.extraction.internal.RussianNames;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One phenomenon per test, on the seeds' kind of sentences and on made-up ones the corpus does not contain. */
class ExtractionRulesTest {

    // the gazetteer is off: these people must be recognised from context alone
    static final ArticleReader READER = new ArticleReader(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC), false);

    static Reading read(String text, String date) {
        return READER.read(new Article(null, null, text, LocalDate.parse(date), null));
    }

    static MissionUpdate only(Reading r, String id) {
        return r.updates().stream().filter(u -> u.mission().id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no update for " + id + " in " + r.updates()));
    }

    static List<String> ids(MissionUpdate u, Assignment a) {
        return u.crew().stream().filter(c -> c.assignment() == a).map(c -> c.person().id()).toList();
    }

    // ---- names across scripts and spellings

    @Test
    void surnameFirstThenNicknamesBeatsPlainJaroWinkler() {
        assertThat(PersonNames.match("Frank Rubio", "Francisco Rubio")).isGreaterThan(0.85);
        assertThat(PersonNames.match("Frank Rubio", "Frank Culbertson")).isZero();
        assertThat(PersonNames.match("Fransico Rubio", "Francisco Rubio")).isGreaterThan(0.85);
        assertThat(PersonNames.match("Sergei Prokopiev", "Sergey Prokopyev")).isGreaterThan(0.85);
        assertThat(PersonNames.match("Oleg Artemiev", "Oleg Artemyev")).isGreaterThan(0.85);
        assertThat(PersonNames.match("Dmitri Petelin", "Dmitry Petelin")).isGreaterThan(0.85);
        assertThat(PersonNames.match("Markus Vandt", "Marcus Wandt")).isGreaterThan(0.85);
        assertThat(PersonNames.match("Sultan Al Neyadi", "Sultan Alneyadi")).isGreaterThan(0.85);
        assertThat(PersonNames.match("Tang Hongbo", "Tang Shengjie")).isZero();
        assertThat(PersonNames.match("Scott Kelly", "Mark Kelly")).isZero();
    }

    @Test
    void otherScriptsBecomeLatin() {
        assertThat(PersonNames.toLatin("Франциско Рубио")).isEqualTo("Frantsisko Rubio");
        assertThat(PersonNames.toLatin("Сергей Прокопьев")).isEqualTo("Sergey Prokopyev");
        assertThat(PersonNames.match(PersonNames.toLatin("Франсиско Рубио"), "Frank Rubio")).isGreaterThan(0.85);
        assertThat(PersonNames.pinyinName("陈冬")).isEqualTo("Chen Dong");
        assertThat(PersonNames.pinyinName("蔡旭哲")).isEqualTo("Cai Xuzhe");
        assertThat(PersonNames.slug("Alper Gezeravcı")).isEqualTo("alper-gezeravci");
        assertThat(PersonNames.slug("Michael López-Alegría")).isEqualTo("michael-lopez-alegria");
    }

    @Test
    void russianCaseFormsGoBackToTheNominative() {
        assertThat(RussianNames.nominative("Анну Кикину")).isEqualTo("Анна Кикина");
        assertThat(RussianNames.nominative("Сергея Прокопьева")).isEqualTo("Сергей Прокопьев");
        assertThat(RussianNames.nominative("Дмитрием Петелиным")).isEqualTo("Дмитрий Петелин");
        assertThat(RussianNames.nominative("Франсиско Рубио")).isEqualTo("Франсиско Рубио");
    }

    @Test
    void chineseCharactersBesideALatinSpellingGiveThePinyinName() {
        Reading r = read("Shenzhou-21 lifted off on Friday. Commander is Tschang Lu (张陆), with him the taikonaut Wu Fei (吴飞).", "2025-10-31");
        MissionUpdate u = only(r, "shenzhou-21");
        assertThat(ids(u, Assignment.PRIME)).contains("zhang-lu", "wu-fei");
        CrewMember zhang = u.crew().get(0).person();
        assertThat(zhang.aliases()).contains("Tschang Lu", "张陆");
        assertThat(zhang.agency()).isEqualTo("CMSA");
    }

    // ---- people from context, officials, station crews, history

    @Test
    void unknownPeopleAreFoundFromTheirRoleAndAgency() {
        Reading r = read("NASA astronaut Jane Doe and ESA astronaut Hans Muster will fly on Crew-12, targeted for launch on February 15. "
                + "Roscosmos cosmonaut Ivan Sidorov completes the crew.", "2026-01-10");
        MissionUpdate u = only(r, "crew-12");
        assertThat(ids(u, Assignment.PRIME)).containsExactlyInAnyOrder("jane-doe", "hans-muster", "ivan-sidorov");
        assertThat(u.crew()).filteredOn(c -> c.person().id().equals("hans-muster")).first()
                .satisfies(c -> assertThat(c.person().agency()).isEqualTo("ESA"));
        assertThat(u.launchDate().value()).isEqualTo("2026-02-15");
        assertThat(u.status().value()).isEqualTo(MissionStatus.SCHEDULED);
        assertThat(u.mission().name()).isEqualTo("SpaceX Crew-12");
    }

    @Test
    void officialsAreNeverPeople() {
        Reading r = read("NASA Administrator Bill Nelson praised the Crew-6 crew. Commander Stephen Bowen thanked "
                + "Joel Montalbano, NASA's deputy associate administrator, and spokesman Rob Navias.", "2023-03-03");
        assertThat(r.people()).extracting(CrewMember::name).contains("Stephen Bowen")
                .doesNotContain("Bill Nelson", "Joel Montalbano", "Rob Navias");
    }

    @Test
    void peopleAlreadyAboardAreNotTheNewCrew() {
        Reading r = read("Axiom Mission 4 will be welcomed aboard the station by NASA astronauts Anne Nowak and Jon Kimura. "
                + "The Ax-4 crew of commander Peggy Whitson, pilot Shubhanshu Shukla and mission specialists Slawosz Uznanski "
                + "and Tibor Kapu is set for launch on June 25.", "2025-06-20");
        MissionUpdate u = only(r, "axiom-mission-4");
        assertThat(ids(u, Assignment.PRIME)).containsExactlyInAnyOrder("peggy-whitson", "shubhanshu-shukla", "slawosz-uznanski", "tibor-kapu");
        assertThat(u.mentionedPeople()).extracting(CrewMember::id).contains("anne-nowak", "jon-kimura");
        assertThat(u.crew()).filteredOn(c -> c.person().id().equals("shubhanshu-shukla")).first()
                .satisfies(c -> assertThat(c.position()).isEqualTo("pilot"));
    }

    @Test
    void backupCrewIsNotPrime() {
        Reading r = read("Soyuz MS-30 will launch in April with cosmonauts Petr Orlov and Kirill Sokolov. "
                + "Their backup crew is cosmonaut Andrei Volkov.", "2026-01-05");
        MissionUpdate u = only(r, "soyuz-ms-30");
        assertThat(ids(u, Assignment.PRIME)).containsExactlyInAnyOrder("petr-orlov", "kirill-sokolov");
        assertThat(ids(u, Assignment.BACKUP)).containsExactly("andrei-volkov");
        assertThat(u.launchDate().value()).isEqualTo("2026-04");
        assertThat(u.launchDate().precision()).isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void replacementsTakeSomeoneOff() {
        Reading r = read("On Crew-9, NASA astronaut Nick Hague replaced Zena Cardman, who had been named commander.", "2024-08-10");
        MissionUpdate u = only(r, "crew-9");
        assertThat(ids(u, Assignment.PRIME)).containsExactly("nick-hague");
        assertThat(ids(u, Assignment.REMOVED)).containsExactly("zena-cardman");
    }

    @Test
    void russianSwapWithPronoun() {
        Reading r = read("Анну Кикину планируется ввести в состав основного экипажа корабля Crew Dragon миссии Crew-5.\n\n"
                + "Вместо нее в состав основного экипажа корабля #СоюзМС22 — астронавта NASA Франциско Рубио.", "2022-01-20");
        assertThat(r.language()).isEqualTo("ru");
        assertThat(ids(only(r, "crew-5"), Assignment.PRIME)).containsExactly("anna-kikina");
        MissionUpdate ms22 = only(r, "soyuz-ms-22");
        assertThat(ids(ms22, Assignment.REMOVED)).containsExactly("anna-kikina");
        assertThat(ids(ms22, Assignment.PRIME)).hasSize(1);
        assertThat(ms22.crew()).filteredOn(c -> c.assignment() == Assignment.PRIME).first()
                .satisfies(c -> assertThat(c.person().agency()).isEqualTo("NASA"));
    }

    @Test
    void russianLaunchWithCaseForms() {
        Reading r = read("Старт корабля «Союз МС-26» с экипажем в составе космонавтов Роскосмоса Алексея Овчинина, "
                + "Ивана Вагнера и астронавта NASA Дональда Петтита назначен на 11 сентября.", "2024-09-01");
        MissionUpdate u = only(r, "soyuz-ms-26");
        assertThat(u.crew()).extracting(c -> c.person().name()).contains("Aleksey Ovchinin", "Ivan Vagner");
        assertThat(u.crew()).filteredOn(c -> c.person().name().equals("Ivan Vagner")).first()
                .satisfies(c -> assertThat(c.person().aliases()).contains("Иван Вагнер"));
        assertThat(u.launchDate().value()).isEqualTo("2024-09-11");
        assertThat(u.status().value()).isEqualTo(MissionStatus.SCHEDULED);
    }

    @Test
    void historicalFlightsAndPeopleAreNotCrew() {
        Reading r = read("Shenzhou-20 will launch on Thursday. Commander Chen Dong flew on Shenzhou-11 in 2016 and Shenzhou-14 in 2022. "
                + "Valentina Tereshkova was the first woman in space in 1963.", "2025-04-21");
        assertThat(r.updates()).extracting(u -> u.mission().id()).containsExactly("shenzhou-20");
        assertThat(ids(r.updates().get(0), Assignment.PRIME)).containsExactly("chen-dong");
        assertThat(r.people()).extracting(CrewMember::name).doesNotContain("Valentina Tereshkova");
    }

    // ---- missions

    @Test
    void cargoShipsAndExpeditionsAreNotCrewedMissions() {
        Reading r = read("Progress MS-29 docked to the station on Friday, delivering supplies to Expedition 72 commander "
                + "Oleg Kononenko. SpaceX CRS-31 is next.", "2024-11-23");
        assertThat(r.updates()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.contains("Progress MS-29")).anyMatch(n -> n.contains("no recognisable mission"));
    }

    @Test
    void noMissionNoUpdates() {
        Reading r = read("The weather in Houston was pleasant today, said the mayor.", "2024-01-01");
        assertThat(r.updates()).isEmpty();
        assertThat(r.notes()).contains("no recognisable mission");
    }

    @Test
    void missionNameVariants() {
        Reading r = read("Союз МС-22 (68S) стартовал с Байконура 21 сентября. Ax-2 docked on Monday. "
                + "Boeing's Starliner Crew Flight Test lifted off on June 5.", "2024-06-10");
        assertThat(r.updates()).extracting(u -> u.mission().id())
                .contains("soyuz-ms-22", "axiom-mission-2", "boeing-crew-flight-test");
        assertThat(only(r, "axiom-mission-2").mission().aliases()).contains("Ax-2");
    }

    // ---- dates, precision, tense, time zones

    @Test
    void relativeDatesResolveWithTenseAndPrecision() {
        LocalDate ref = LocalDate.of(2022, 9, 19);
        assertThat(resolve("this Wednesday, September 21", ref, 1)).isEqualTo("2022-09-21 DAY");
        assertThat(resolve("later this autumn", ref, 1)).isEqualTo("2022 SEASON autumn");
        assertThat(resolve("in April", ref, 1)).isEqualTo("2023-04 MONTH");
        assertThat(resolve("in April", ref, -1)).isEqualTo("2022-04 MONTH");
        assertThat(resolve("on Tuesday", ref, 1)).isEqualTo("2022-09-20 DAY");
        assertThat(resolve("on Saturday", ref, -1)).isEqualTo("2022-09-17 DAY");
        assertThat(resolve("tomorrow", ref, 0)).isEqualTo("2022-09-20 DAY");
        assertThat(resolve("September 1", LocalDate.of(2022, 1, 20), 1)).isEqualTo("2022-09-01 DAY");
        assertThat(resolve("March 18", LocalDate.of(2022, 3, 19), -1)).isEqualTo("2022-03-18 DAY");
        assertThat(resolve("December 2023", ref, 0)).isEqualTo("2023-12 MONTH");
        assertThat(resolve("20 февраля", LocalDate.of(2023, 2, 12), 1)).isEqualTo("2023-02-20 DAY");
    }

    @Test
    void aYearEarlierInTheSentenceAppliesToABareMonth() {
        Reading r = read("Artemis III is targeted for late 2027, around September.", "2025-01-10");
        assertThat(only(r, "artemis-iii").launchDate().value()).isEqualTo("2027-09");
    }

    @Test
    void supersededAndScrubbedDatesLoseToTheNextAttempt() {
        Reading r = read("SpaceX called off the launch of Crew-11 before its 11:43 a.m. EDT liftoff today. "
                + "The mission had previously been set for July 31. The next attempt will be Saturday, August 2.", "2025-07-31");
        MissionUpdate u = only(r, "crew-11");
        assertThat(u.status().value()).isEqualTo(MissionStatus.SCRUBBED);
        assertThat(u.launchDate().value()).isEqualTo("2025-08-02");
    }

    @Test
    void launchDateIsTheCalendarDateAtTheLaunchSite() {
        Reading r = read("Soyuz MS-24 lifted off from the Baikonur Cosmodrome at 11:44 a.m. EDT on September 15.", "2023-09-16");
        assertThat(only(r, "soyuz-ms-24").launchDate().value()).isEqualTo("2023-09-15");
        Reading late = read("Soyuz MS-24 lifted off from the Baikonur Cosmodrome at 10:30 p.m. EDT on September 14.", "2023-09-16");
        assertThat(only(late, "soyuz-ms-24").launchDate().value()).isEqualTo("2023-09-15");
        Reading florida = read("Crew-8 lifted off from Kennedy Space Center at 10:53 p.m. EST on March 3.", "2024-03-04");
        assertThat(only(florida, "crew-8").launchDate().value()).isEqualTo("2024-03-03");
    }

    @Test
    void statusFollowsTheVerbs() {
        assertThat(only(read("Crew-7 lifted off on Saturday.", "2023-08-28"), "crew-7").status().value()).isEqualTo(MissionStatus.LAUNCHED);
        assertThat(only(read("Crew-7 docked to the station on Sunday.", "2023-08-28"), "crew-7").status().value()).isEqualTo(MissionStatus.DOCKED);
        assertThat(only(read("Crew-7 splashed down off Florida.", "2024-03-12"), "crew-7").status().value()).isEqualTo(MissionStatus.LANDED);
        assertThat(only(read("Crew-7 will launch on August 25.", "2023-08-20"), "crew-7").status().value()).isEqualTo(MissionStatus.SCHEDULED);
        assertThat(only(read("The launch of Crew-7 was scrubbed.", "2023-08-25"), "crew-7").status().value()).isEqualTo(MissionStatus.SCRUBBED);
    }

    static String resolve(String phrase, LocalDate ref, int tense) {
        List<Dates.Expr> e = Dates.find("It happens " + phrase + ".");
        assertThat(e).as(phrase).hasSize(1);
        Dates.Resolved r = Dates.resolve(e.get(0), ref, tense, null);
        return r.value() + " " + r.precision() + (r.season() != null ? " " + r.season() : "");
    }

    // ---- input formats

    @Test
    void htmlMainTextAndPublicationDate() {
        String html = "<html><head><title>Crew-5 named</title><meta property=\"article:published_time\" content=\"2022-08-01T10:00:00+03:00\">"
                + "</head><body><nav>Home | News | Crew-4</nav><article><h1>Crew-5 named</h1><p>NASA astronaut Nicole Mann will "
                + "command Crew-5, targeted for launch on September 29.</p><script>var x = 'Crew-3';</script></article></body></html>";
        Article a = Article.fromHtml(html);
        assertThat(a.publishedAt()).isEqualTo(LocalDate.of(2022, 8, 1));
        assertThat(a.title()).isEqualTo("Crew-5 named");
        assertThat(a.body()).contains("Nicole Mann").doesNotContain("Home | News").doesNotContain("var x");
        Reading r = READER.read(Article.of(html));
        assertThat(r.publicationDate()).isEqualTo(LocalDate.of(2022, 8, 1));
        MissionUpdate u = only(r, "crew-5");
        assertThat(u.launchDate().value()).isEqualTo("2022-09-29");
        assertThat(ids(u, Assignment.PRIME)).containsExactly("nicole-mann");
        assertThat(r.updates()).extracting(x -> x.mission().id()).containsExactly("crew-5");
    }

    @Test
    void timeElementGivesTheDate() {
        Article a = Article.fromHtml("<html><body><article><time datetime=\"2023-02-27\">Feb 27</time><p>Text</p></article></body></html>");
        assertThat(a.publishedAt()).isEqualTo(LocalDate.of(2023, 2, 27));
    }

    @Test
    void dateLineWithMoreTextAfterTheDate() {
        Article a = Article.fromPlainText(" date 2022-09-19 By Chris King • 19 September 2022 • 2:56\n\nCrew-5 will launch soon.");
        assertThat(a.publishedAt()).isEqualTo(LocalDate.of(2022, 9, 19));
        assertThat(a.body()).startsWith("\nCrew-5").doesNotContain("Chris King");
        assertThat(Article.fromPlainText("No date line here.").publishedAt()).isNull();
    }

    @Test
    void languageByScript() {
        assertThat(read("Экипаж корабля «Союз МС-25» стартовал с Байконура.", "2024-03-23").language()).isEqualTo("ru");
        assertThat(read("Soyuz MS-25 lifted off from Baikonur.", "2024-03-23").language()).isEqualTo("en");
    }

    // ------------------------------------------------------------------ unnamed flights

    @Test
    void anUnnamedFlightTakesTheDateGivenJustBefore() {
        Reading r = read("NASA and Roscosmos agreed to continue the seat swaps, and later this summer the next such flight is"
                + " expected to take place. It will involve a US Crew Dragon spacecraft and it is anticipated that Roscosmos"
                + " cosmonaut Olga Vetrova will be on that flight.", "2024-03-02");
        assertThat(r.updates()).isEmpty();
        assertThat(r.unnamedFlights()).singleElement().satisfies(f -> {
            assertThat(f.spacecraft()).isEqualTo("Crew Dragon");
            assertThat(f.launchDate().season()).isEqualTo("summer");
            assertThat(f.launchDate().value()).isEqualTo("2024");
            assertThat(f.crew()).extracting(c -> c.person().id()).containsExactly("olga-vetrova");
            assertThat(f.spacecraftEvidence()).singleElement().asString().contains("US Crew Dragon spacecraft");
        });
    }

    @Test
    void aCargoShipsDateIsNotTheUnnamedFlightsDate() {
        Reading r = read("A Progress cargo ship is due to launch in November. It will involve a US Crew Dragon spacecraft and"
                + " it is anticipated that Roscosmos cosmonaut Olga Vetrova will be on that flight.", "2024-03-02");
        assertThat(r.unnamedFlights()).singleElement().satisfies(f -> assertThat(f.launchDate()).isNull());
    }

    @Test
    void twoSpacecraftInTheSentenceLeaveTheFlightUnknown() {
        Reading r = read("Roscosmos cosmonaut Olga Vetrova, who trained for years on the Soyuz, will be on that Crew Dragon"
                + " flight.", "2024-03-02");
        assertThat(r.unnamedFlights()).isEmpty();
    }
}
