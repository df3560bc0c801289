package cn.gdhrss.intake.config;

/**
 * The office as the replies name it; the defaults are those of the notice (粤人社函〔2026〕159号).
 *
 * @param postalAddress where the stamped or signed paper copy is posted
 */
public record OfficeSettings(String name, String contacts, String phone, String email, String postalAddress,
        String postalNote) {

    public static OfficeSettings from(Settings settings) {
        return new OfficeSettings(
                settings.string("office.name", "广东省职业技能服务指导中心"),
                settings.string("office.contacts", "于泳谦、牛巧红"),
                settings.string("office.phone", "020-83305821"),
                settings.string("office.email", "jnzx_zzyfk@gd.gov.cn"),
                settings.string("office.postal-address",
                        "广州市越秀区惠福东路546号就业服务大厦5楼广东省职业技能服务指导中心标准开发科，邮编510115"),
                settings.string("office.postal-note", "新职业征集材料"));
    }
}
