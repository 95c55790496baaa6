package io.crossflight.extraction.internal;

/** Mission families: what a mission's name alone implies (vehicle, usual site and destination). */
public enum Family {
    SOYUZ("Soyuz MS", null, "Baikonur Cosmodrome", "ISS", Vehicle.SOYUZ, true, false, null),
    PROGRESS("Progress MS", null, null, "ISS", Vehicle.PROGRESS, false, false, null),
    CREW_DRAGON("Crew Dragon", "Falcon 9", null, "ISS", Vehicle.DRAGON, true, false, null),
    AXIOM("Crew Dragon", "Falcon 9", null, "ISS", Vehicle.DRAGON, true, true, null),
    PRIVATE_DRAGON("Crew Dragon", "Falcon 9", null, null, Vehicle.DRAGON, true, true, null),
    STARLINER("Starliner", "Atlas V", null, "ISS", Vehicle.STARLINER, true, false, null),
    SHENZHOU("Shenzhou", "Long March 2F", "Jiuquan Satellite Launch Center", "Tiangong", Vehicle.SHENZHOU, true, false, "CMSA"),
    TIANZHOU("Tianzhou", null, null, "Tiangong", Vehicle.TIANZHOU, false, false, null),
    ARTEMIS("Orion", "Space Launch System", null, "Moon", Vehicle.ORION, true, false, null),
    ARTEMIS_UNCREWED("Orion", "Space Launch System", null, "Moon", Vehicle.ORION, false, false, null),
    CARGO_DRAGON("Cargo Dragon", "Falcon 9", null, "ISS", Vehicle.CARGO, false, false, null),
    CYGNUS("Cygnus", null, null, "ISS", Vehicle.CARGO, false, false, null);

    /** Spacecraft families, to tell whether a sentence about "the Soyuz" can be about a Crew Dragon mission. */
    public enum Vehicle { SOYUZ, PROGRESS, DRAGON, STARLINER, SHENZHOU, TIANZHOU, ORION, CARGO }

    public final String spacecraft;
    public final String launchVehicle;
    public final String launchSite;
    public final String destination;
    public final Vehicle vehicle;
    public final boolean crewed;
    public final boolean privateFlight;
    public final String crewAgency;

    Family(String spacecraft, String launchVehicle, String launchSite, String destination, Vehicle vehicle,
           boolean crewed, boolean privateFlight, String crewAgency) {
        this.spacecraft = spacecraft;
        this.launchVehicle = launchVehicle;
        this.launchSite = launchSite;
        this.destination = destination;
        this.vehicle = vehicle;
        this.crewed = crewed;
        this.privateFlight = privateFlight;
        this.crewAgency = crewAgency;
    }
}
