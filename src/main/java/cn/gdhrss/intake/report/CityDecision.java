package cn.gdhrss.intake.report;

/**
 * The city a case is attributed to and the evidence that decided it. {@code city} is one of the 21
 * 地级以上市, {@link #PROVINCIAL} or {@link #UNDECIDED}; {@code source} one of the SOURCE_ constants.
 */
public record CityDecision(String city, String source) {

    /** Province-level units (省属), only ever from the sender map of the config. */
    public static final String PROVINCIAL = "省属";
    /** No evidence: staff must set the city. */
    public static final String UNDECIDED = "未确定";

    /** The title of a city batch's 汇总表, 新职业信息汇总表（xx地市）. */
    public static final String SOURCE_SUMMARY_TABLE = "summary_table";
    /** The sender's address or domain, mapped in the config. */
    public static final String SOURCE_SENDER = "sender";
    /** The applicant's 通讯地址. */
    public static final String SOURCE_ADDRESS = "address";
    /** The applicant's name, e.g. 佛山市顺德区某某公司, when the address names no city. */
    public static final String SOURCE_APPLICANT = "applicant";
    /** Nothing told the city. */
    public static final String SOURCE_NONE = "none";

    public static CityDecision undecided() {
        return new CityDecision(UNDECIDED, SOURCE_NONE);
    }

    public boolean isDecided() {
        return !UNDECIDED.equals(city);
    }
}
