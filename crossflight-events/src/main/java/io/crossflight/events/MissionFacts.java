package io.crossflight.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The mission fields one article states; a field the article does not state is {@code null}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MissionFacts(
        Fact spacecraft,
        Fact launchVehicle,
        Fact launchSite,
        Fact destination,
        LaunchDateFact launchDate,
        Fact status) {

    public static final MissionFacts NONE = new MissionFacts(null, null, null, null, null, null);
}
