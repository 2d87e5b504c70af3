package io.pbxhooks.server.cli.simulation;

import java.util.List;

/**
 * Where a simulated PBX is: its business, users and the numbers of its callers. Every number is from a range that
 * the country's regulator keeps for drama and examples (ACMA in Australia, Ofcom in the UK, 555-01xx in North
 * America), so none rings anyone.
 */
enum Region {

    AUSTRALIA("harbourview-pbx", "Harbourview Dental, Sydney", "+61255501000",
            List.of(new User("0042", "Olivia Nguyen", "+61255501042"), new User("0017", "Jack Wilson", "+61255501017"),
                    new User("0101", "Charlotte Smith", "+61255501101"), new User("2050", "Noah Papadopoulos", "+61255502050")),
            List.of("+61491570006", "+61491570156", "+61491570157", "+61491570158", "+61491570159", "+61491570110",
                    "+61491570313", "+61491570737", "+61370101234", "+61370105678", "+61755504321", "+61870109876")),
    UNITED_KINGDOM("camden-vets-pbx", "Camden Lock Vets, London", "+442079460000",
            List.of(new User("001", "Amelia Patel", "+442079460001"), new User("0042", "Oliver Hughes", "+442079460042"),
                    new User("0230", "Isla MacLeod", "+442079460230"), new User("7001", "Harry Evans", "+442079460701")),
            List.of("+447700900001", "+447700900077", "+447700900123", "+447700900458", "+447700900999", "+441614960018",
                    "+441134960372", "+441214960555", "+441174960811", "+441314960246")),
    UNITED_STATES("mission-bikes-pbx", "Mission Street Bikes, San Francisco", "+14155550100",
            List.of(new User("0100", "Emily Johnson", "+14155550101"), new User("0007", "Carlos Rivera", "+14155550107"),
                    new User("0311", "Grace Kim", "+14155550111"), new User("4400", "Marcus Brown", "+14155550144")),
            List.of("+12125550142", "+12125550187", "+13125550163", "+16175550111", "+14155550199", "+17185550134",
                    "+12065550175", "+13055550148", "+15125550120", "+17025550196"));

    /**
     * A user of the PBX: their extension (a string, so that leading zeros are kept) and the direct number it presents on
     * outbound calls, in the same reserved block as the main number.
     */
    record User(String extension, String name, String directNumber) {
    }

    private final String serviceName;
    private final String friendlyName;
    private final String mainNumber;
    private final List<User> users;
    private final List<String> outsideNumbers;

    Region(String serviceName, String friendlyName, String mainNumber, List<User> users, List<String> outsideNumbers) {
        this.serviceName = serviceName;
        this.friendlyName = friendlyName;
        this.mainNumber = mainNumber;
        this.users = users;
        this.outsideNumbers = outsideNumbers;
    }

    String serviceName() {
        return serviceName;
    }

    String friendlyName() {
        return friendlyName;
    }

    /** The number callers dial. */
    String mainNumber() {
        return mainNumber;
    }

    List<User> users() {
        return users;
    }

    /** Callers and called parties in this region, outside any PBX. */
    List<String> outsideNumbers() {
        return outsideNumbers;
    }
}
