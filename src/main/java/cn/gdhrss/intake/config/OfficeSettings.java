package cn.gdhrss.intake.config;

/**
 * The office as the replies name it; the defaults are those of the notice (粤人社函〔2026〕159号).
 *
 * @param postalAddress where the stamped or signed paper copy is posted
 * @param formsNote where applicants find the notice and its forms (letters and enquiry acknowledgements say it)
 * @param correctionWorkingDays how long a correction request gives, in working days (never past the period's deadline)
 */
public record OfficeSettings(String name, String contacts, String phone, String email, String postalAddress,
        String postalNote, String formsNote, int correctionWorkingDays) {

    public static OfficeSettings from(Settings settings) {
        return new OfficeSettings(
                settings.string("office.name", "广东省职业技能服务指导中心"),
                settings.string("office.contacts", "于泳谦、牛巧红"),
                settings.string("office.phone", "020-83305821"),
                settings.string("office.email", "jnzx_zzyfk@gd.gov.cn"),
                settings.string("office.postal-address",
                        "广州市越秀区惠福东路546号就业服务大厦5楼广东省职业技能服务指导中心标准开发科，邮编510115"),
                settings.string("office.postal-note", "新职业征集材料"),
                settings.string("office.forms-note",
                        "通知全文及附件可在广东省人力资源和社会保障厅网站（https://hrss.gd.gov.cn）查阅下载，也可回复本邮件索取。"),
                settings.integer("office.correction-working-days", 15));
    }
}
