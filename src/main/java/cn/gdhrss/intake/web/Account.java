package cn.gdhrss.intake.web;

import cn.gdhrss.intake.register.CaseListing;

/**
 * A console user. A city user's {@code city} is the one city whose cases they see; "" for the others.
 */
public record Account(String name, Role role, String city) {

    public boolean isProvince() {
        return role == Role.PROVINCE;
    }

    public boolean isCity() {
        return role == Role.CITY;
    }

    /** Province staff and readers see every case; city staff only those placed in their city. */
    public boolean canSee(CaseListing listing) {
        return role != Role.CITY || city.equals(listing.city());
    }

    /** Changes to a case: province staff any, city staff their city's 地市初审 and notes, readers none. */
    public boolean canWork() {
        return role != Role.READER;
    }

    /** 王静（佛山市 地市工作人员）: how the audit trail names the user. */
    public String actor() {
        return "web:" + name;
    }
}
