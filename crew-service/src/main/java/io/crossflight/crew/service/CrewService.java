package io.crossflight.crew.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crossflight.common.rest.AsOf;
import io.crossflight.common.rest.ProblemException;
import io.crossflight.crew.config.CrewConfig;
import io.crossflight.crew.store.ClaimRow;
import io.crossflight.crew.store.CrewReader;
import io.crossflight.crew.store.CrewResolver;
import io.crossflight.crew.store.MissionState;
import io.crossflight.crew.store.PersonView;
import io.crossflight.crew.store.SearchKeys;
import io.crossflight.events.Slugs;

/** The read side: validation of query parameters, search, a person now or as of a date, history. */
@ApplicationScoped
public class CrewService {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_TEXT = 200;

    @Inject
    DataSource dataSource;

    @Inject
    CrewConfig config;

    private volatile Boolean trigrams;

    public PageResult<PersonView> search(String q, String agency, String mission, String role, String nationality,
                                         String page, String size) {
        int p = intParam("page", page, 0, 0, Integer.MAX_VALUE / config.search().maxPageSize());
        int s = intParam("size", size, config.search().defaultPageSize(), 1, config.search().maxPageSize());
        List<String> words = List.of();
        if (q != null && !q.isBlank()) {
            text("q", q);
            words = SearchKeys.queryWords(q);
            if (words.isEmpty()) {
                throw ProblemException.badRequest("q must contain letters or digits, e.g. q=Rubio or q=Рубио.");
            }
        }
        String r = null;
        if (role != null && !role.isBlank()) {
            r = role.trim().toLowerCase(Locale.ROOT);
            if (!CrewResolver.ROLES.contains(r)) {
                throw ProblemException.badRequest("role must be one of " + new TreeSet<>(CrewResolver.ROLES) + ", not '" + role + "'.");
            }
        }
        String n = null;
        if (nationality != null && !nationality.isBlank()) {
            n = nationality.trim().toUpperCase(Locale.ROOT);
            if (!n.matches("[A-Z]{2}")) {
                throw ProblemException.badRequest("nationality is an ISO 3166-1 alpha-2 code such as US or RU, not '" + nationality + "'.");
            }
        }
        String missionId = null;
        if (mission != null && !mission.isBlank()) {
            // Accept the id or the name in any script: "Soyuz MS-22" and "Союз МС-22" both mean soyuz-ms-22.
            missionId = Slugs.slug(SearchKeys.toLatin(text("mission", mission)));
            if (missionId.isEmpty()) {
                throw ProblemException.badRequest("mission must be a mission id such as soyuz-ms-22, not '" + mission + "'.");
            }
        }
        String a = agency == null || agency.isBlank() ? null : text("agency", agency).trim();
        try (Connection c = dataSource.getConnection()) {
            CrewReader.Search search = new CrewReader.Search(words, a, missionId, r, n, p, s, config.search().similarity(), trigrams(c));
            CrewReader.Result result = CrewReader.search(c, search);
            return new PageResult<>(result.items(), p, s, result.total());
        } catch (SQLException e) {
            throw new IllegalStateException("crew search failed", e);
        }
    }

    /** The person now, or as the news described them on {@code asOf} (only articles published by then). */
    public PersonView person(String id, String asOf) {
        checkId(id);
        Instant at = asOf == null || asOf.isBlank() ? null : AsOf.parse(asOf);
        try (Connection c = dataSource.getConnection()) {
            if (at == null) {
                PersonView v = CrewReader.view(c, id);
                if (v == null) {
                    throw notFound(id);
                }
                return v;
            }
            List<ClaimRow> claims = CrewReader.claims(c, id, at);
            if (claims.isEmpty()) {
                if (CrewReader.known(c, id)) {
                    throw ProblemException.notFound("No article published by " + asOf + " mentions " + id
                            + "; see GET /crew/" + id + "/history for when they first appear.");
                }
                throw notFound(id);
            }
            Map<String, MissionState> states = CrewReader.missionStatesAsOf(c, CrewResolver.assignedMissions(claims), at);
            return CrewResolver.person(id, claims, states);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read person " + id, e);
        }
    }

    /** Every claim about the person (mentions included), oldest publication first, with what it lost to. */
    public List<HistoryEntry> history(String id) {
        checkId(id);
        try (Connection c = dataSource.getConnection()) {
            List<ClaimRow> claims = CrewReader.claims(c, id, null);
            if (claims.isEmpty()) {
                throw notFound(id);
            }
            Map<String, ClaimRow> superseded = CrewResolver.supersededBy(claims);
            List<HistoryEntry> out = new ArrayList<>(claims.size());
            for (ClaimRow cl : claims) {
                ClaimRow winner = superseded.get(cl.eventId());
                // A mention states no assignment: it is never current for a mission, nor superseded on one.
                boolean mention = cl.isMention();
                out.add(new HistoryEntry(cl.eventId(), cl.articleId(), cl.publishedAt(), cl.publishedAtKnown(),
                        cl.articleTitle(), cl.articleSource(), cl.articleUrl(),
                        new HistoryEntry.Mission(cl.missionId(), cl.missionName()), mention,
                        mention ? null : cl.assignment(), cl.position(),
                        cl.name(), cl.aliases(), cl.agency(), cl.nationality(), cl.role(), cl.evidence(), cl.confidence(),
                        !mention && winner == null, winner == null ? null : winner.source()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read history of " + id, e);
        }
    }

    private boolean trigrams(Connection c) throws SQLException {
        Boolean t = trigrams;
        if (t == null) {
            t = CrewReader.hasTrigrams(c);
            trigrams = t;
        }
        return t;
    }

    private static void checkId(String id) {
        if (id.length() > MAX_TEXT || !ID.matcher(id).matches()) {
            String hint = Slugs.slug(SearchKeys.toLatin(id.length() > MAX_TEXT ? id.substring(0, MAX_TEXT) : id));
            throw ProblemException.badRequest("Person ids are lower-case ASCII slugs such as francisco-rubio"
                    + (hint.isEmpty() ? "" : "; did you mean " + hint + "?") + " To find someone by name use GET /crew?q=…");
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No person with id '" + id + "' is known to crew-service; search with GET /crew?q=<name>.");
    }

    private static String text(String name, String value) {
        if (value.length() > MAX_TEXT) {
            throw ProblemException.badRequest(name + " is longer than " + MAX_TEXT + " characters.");
        }
        return value;
    }

    private static int intParam(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number between " + min + " and " + max + ", not '" + value + "'.");
        }
        if (v < min || v > max) {
            throw ProblemException.badRequest(name + " must be between " + min + " and " + max + ", not " + v + ".");
        }
        return v;
    }
}
