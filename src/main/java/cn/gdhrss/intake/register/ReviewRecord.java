package cn.gdhrss.intake.register;

import java.time.Instant;

/** One 地市初审 ({@code stage} city) or 省级论证 (province); {@code result} pass, fail or cultivate. */
public record ReviewRecord(String reference, String stage, String result, String note, String reviewedBy, Instant reviewedAt) {

    public static final String STAGE_CITY = "city";
    public static final String STAGE_PROVINCE = "province";
    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String CULTIVATE = "cultivate";
}
