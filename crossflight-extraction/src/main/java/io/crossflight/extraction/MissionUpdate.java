package io.crossflight.extraction;

import java.util.List;

/**
 * What one article says about one mission. Null fields: the article does not say.
 *
 * @param mentionedPeople space travellers the article names who hold no assignment in this update
 *                        (station crews, other missions' crews): the crew store should know them
 *                        without listing them as this mission's crew
 */
public record MissionUpdate(Mission mission,
                            Fact<String> spacecraft,
                            Fact<String> launchVehicle,
                            Fact<String> launchSite,
                            Fact<String> destination,
                            LaunchDate launchDate,
                            Fact<MissionStatus> status,
                            List<CrewAssignment> crew,
                            List<CrewMember> mentionedPeople) {
    public MissionUpdate {
        crew = List.copyOf(crew);
        mentionedPeople = List.copyOf(mentionedPeople);
    }
}
