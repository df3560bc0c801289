package cn.gdhrss.intake.bench;

import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.register.FormRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a register with {@code n} proposals, each a received mail with one form and its case, by
 * direct SQL in one transaction: what the pipeline would have written, minus the files. Seeded, so
 * every run gets the same register. Bench only.
 *
 * <p>Each mail also gets the rows an answered mail has in a real register (issue 12: a register
 * without them hid a scan of the outbox per mail): its headers, its attachment, four events, a
 * finding when its case needs correction, and the reply queued for it (body of a real reply's
 * size) with its case link. The names are then indexed by the register's own code, as every
 * lookup of a real import does for the mails before it.
 *
 * <p>Names are a domain word, one or (nine times in ten) two trade words of two characters and a
 * role ending (数据 + 标注 + 分析 + 员): real proposals share their endings and domains, which is
 * what makes "read the postings of every bigram" expensive, and some share a core.
 */
final class RegisterGenerator {
    static final List<String> DOMAINS = List.of("数据", "智能", "无人机", "碳排放", "直播", "电商", "区块链", "云计算", "康养", "农业",
            "新能源", "储能", "氢能", "工业互联网", "机器人", "算法", "网络安全", "数字孪生", "低空", "跨境", "冷链", "母婴", "宠物",
            "文旅", "研学", "社群", "供应链", "碳汇", "光伏", "充电", "芯片", "集成电路", "智慧", "自动驾驶", "虚拟现实", "元宇宙",
            "健康", "营养", "心理", "家政", "养老", "陪诊", "整理", "收纳", "调饮", "烘焙", "咖啡", "茶艺", "电竞", "剧本", "密室",
            "民宿", "露营", "潮玩", "非遗", "版权", "知识产权", "合规", "数字化", "3D打印");
    static final String POOL = "标注分析运维管理规划设计开发测试评估调度监测修复培训咨询策划运营推广服务鉴定检测装配调试维护"
            + "编程建模仿真控制采集治理交易结算审核认证营销直销制作剪辑讲解导览驯养护理照护康复调理配送仓储包装回收处理"
            + "识别标定巡检监理鉴证评价孵化陪伴陪练播控配音配色造型搭配布展策展修剪种植养殖繁育加工烹饪酿造调香织造印染雕刻修缮复原保育";
    static final List<String> ENDINGS = List.of("员", "师", "工程技术人员", "技术员", "管理员", "操作员", "工", "技师");
    static final List<String> CITIES = List.of("广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "河源市", "梅州市", "惠州市",
            "汕尾市", "东莞市", "中山市", "江门市", "阳江市", "湛江市", "茂名市", "肇庆市", "清远市", "潮州市", "揭阳市", "云浮市");
    static final List<String> STATES = List.of("received", "needs_correction", "complete", "city_passed", "province_passed");

    private RegisterGenerator() {}

    /** A name of the kind the register holds, from {@code random}. */
    static String name(Random random) {
        int a = random.nextInt(POOL.length() / 2) * 2;
        int b = random.nextInt(POOL.length() / 2) * 2;
        return DOMAINS.get(random.nextInt(DOMAINS.size())) + POOL.substring(a, a + 2)
                + (random.nextInt(10) != 0 ? POOL.substring(b, b + 2) : "") + ENDINGS.get(random.nextInt(ENDINGS.size()));
    }

    /** Two characters of the pool, a verb or noun of the trade. */
    static String word(Random random) {
        int at = random.nextInt(POOL.length() / 2) * 2;
        return POOL.substring(at, at + 2);
    }

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A reply of the size and shape ReplyComposer writes (about 700 characters). */
    private static String replyText(String applicant, String reference, String name, boolean correction) {
        StringBuilder text = new StringBuilder(applicant).append("：\n\n")
                .append(correction ? "新职业申报材料补正通知" : "新职业申报材料受理回执").append("\n\n受理编号：").append(reference)
                .append("\n日期：2026年1月5日\n\n您发来的新职业申报材料已收到，受理编号为 ").append(reference).append("。");
        if (correction) {
            text.append("经核对，材料有以下问题需要补正：\n\n（一）附件“新职业建议书-").append(name)
                    .append(".docx”（新职业建议书）\n1. “联系电话”不是有效的电话号码：固定电话须带区号（如020-83305821），手机号码为11位。\n\n")
                    .append("请于15个工作日内回复本邮件，附上修改后的《新职业建议书》Word 文件，并保留邮件主题中的受理编号“[").append(reference)
                    .append("]”，以便归入同一申报。\n\n");
        } else {
            text.append("材料齐全，已进入审核。\n\n");
        }
        return text.append("来信所附文件：\n1. 新职业建议书-").append(name).append(".docx（Word 文档，25 KB）\n\n")
                .append("纸质材料：申报材料须同时提交纸质版，加盖单位公章或由个人签名，邮寄至广州市越秀区惠福东路546号就业服务大厦5楼")
                .append("广东省职业技能服务指导中心标准开发科，邮编510115（请注明“新职业征集材料”）。短视频、图表等可视化资料请存入光盘或U盘，")
                .append("随纸质材料一同寄送。\n\n联系方式：联系人于泳谦、牛巧红，电话 020-83305821，电子邮箱 jnzx_zzyfk@gd.gov.cn。")
                .append("通知全文及附件可在广东省人力资源和社会保障厅网站（https://hrss.gd.gov.cn）查阅下载，也可回复本邮件索取。\n\n")
                .append("广东省职业技能服务指导中心\n2026年1月5日\n\n（本邮件由受理系统发出，回复本邮件即可补交材料。）\n").toString();
    }

    /** The reply's HTML part: each paragraph in the styled tags the composer writes (about 2,300 characters). */
    private static String replyHtml(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\n"
                + "<body style=\"margin:0;padding:0;background:#f3f4f6;\">\n<table role=\"presentation\" width=\"100%\" cellpadding=\"0\""
                + " cellspacing=\"0\" style=\"max-width:680px;background:#ffffff;border:1px solid #dfe2e6;\"><tr><td style=\"padding:20px 18px;"
                + "font-family:'Microsoft YaHei','PingFang SC',sans-serif;font-size:15px;line-height:1.75;color:#1f2328;\">\n");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p style=\"margin:0 0 12px;font-family:'Microsoft YaHei','PingFang SC',sans-serif;\">")
                    .append(paragraph.replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.append("</td></tr></table>\n</body></html>\n").toString();
    }

    /** Adds {@code count} proposals to the register at {@code dataDir}; returns the seconds it took. */
    static double fill(Path dataDir, int count, long seed) throws SQLException {
        long started = System.nanoTime();
        Random random = new Random(seed);
        try (Database database = Database.open(dataDir.resolve("register.db"))) {
            database.inTransaction(connection -> {
                insert(connection, count, random);
                return null;
            });
            // Indexed as a real register is: each lookup of an import indexes the mails before it (ProposalNameIndex.catchUp).
            new FormRepository(database, Clock.systemUTC()).listProposalNamesNear(List.of("数据标注员"), -1);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void insert(Connection connection, int count, Random random) throws SQLException {
        Instant start = Instant.parse("2026-01-05T01:00:00Z");
        // Its own generator, so that the proposals stay those of the register before these rows were added.
        Random extra = new Random(7);
        try (PreparedStatement message = connection.prepareStatement("""
                INSERT INTO messages (id, message_id, sha256, mailbox, uid, from_address, to_address, subject, size, received_at,
                                      registered_at, raw_path, status, mail_class, mail_class_by)
                VALUES (?, ?, ?, 'maildir:var/mailbox', ?, ?, 'jnzx_zzyfk@gd.gov.cn', ?, 30000, ?, ?, ?, 'answered', 'submission', 'auto')""");
                PreparedStatement document = connection.prepareStatement("""
                        INSERT INTO documents (id, message_ref, attachment_seq, file_name, document_class, is_form)
                        VALUES (?, ?, 1, ?, 'proposal', 1)""");
                PreparedStatement proposal = connection.prepareStatement("""
                        INSERT INTO proposals (id, document_ref, message_ref, applicant, filled_date_text, category, occupation_name,
                            occupation_alternative_names, occupation_definition, occupation_related, occupation_related_codes,
                            occupation_industry, requirements_ethics, requirements_education, requirements_special_abilities,
                            requirements_physical, requirements_teamwork, requirements_safety, workforce_national_count,
                            workforce_regional_distribution, workforce_market, workforce_pay, workforce_data_sources,
                            analysis_background, analysis_role, analysis_technology, analysis_prospects, laws, abroad_requirements,
                            abroad_standards, abroad_training, contact_address, contact_person, contact_phone, contact_email, other,
                            error_count, warning_count)
                        VALUES (?, ?, ?, ?, '2026年1月5日', ?, ?, ?, ?, '', '', ?, '', '', '', '', '', '', '', '', '', '', '', '', '', '',
                                '', '', '', '', '', ?, ?, ?, ?, '', 0, 0)""");
                PreparedStatement task = connection.prepareStatement(
                        "INSERT INTO proposal_tasks (proposal_ref, position, no, content, tools, techniques) VALUES (?, ?, ?, ?, '', '')");
                PreparedStatement kase = connection.prepareStatement("""
                        INSERT INTO cases (id, reference, year, seq, kind, title, applicant, status, created_at, updated_at)
                        VALUES (?, ?, 2026, ?, 'proposal', ?, ?, ?, ?, ?)""");
                PreparedStatement version = connection.prepareStatement("""
                        INSERT INTO case_versions (case_ref, version, message_ref, form_seq, created_at) VALUES (?, 1, ?, 1, ?)""");
                PreparedStatement sender = connection.prepareStatement("INSERT INTO case_senders (case_ref, address) VALUES (?, ?)");
                PreparedStatement place = connection.prepareStatement("""
                        INSERT INTO case_places (case_reference, city, city_source, period, period_source, updated_at)
                        VALUES (?, ?, 'sender', ?, 'received', ?)""");
                PreparedStatement header = connection.prepareStatement(
                        "INSERT INTO message_headers (message_ref, position, name, value) VALUES (?, ?, ?, ?)");
                PreparedStatement attachment = connection.prepareStatement("""
                        INSERT INTO attachments (id, message_ref, seq, origin, name, declared_type, detected_type, size, sha256, kind, status)
                        VALUES (?, ?, 1, 2, ?, ?, ?, 25769, ?, 'proposal_form', 'ok')""");
                PreparedStatement event = connection.prepareStatement("INSERT INTO events (message_ref, at, kind, detail) VALUES (?, ?, ?, ?)");
                PreparedStatement finding = connection.prepareStatement("""
                        INSERT INTO findings (message_ref, document_ref, scope, code, severity, field, message)
                        VALUES (?, ?, 'form', 'CONTACT_PHONE_INVALID', 'error', 'contact.phone', ?)""");
                PreparedStatement reply = connection.prepareStatement("""
                        INSERT INTO outbox (id, case_ref, reference, message_ref, kind, to_address, subject, message_id, in_reply_to,
                            references_ids, body_text, body_html, state, attempts, next_attempt_at, claimed_by, claimed_at, last_response,
                            created_at, sent_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent', 1, ?, '', ?, '250 2.0.0 Ok: queued', ?, ?)""");
                PreparedStatement replyCase = connection.prepareStatement("INSERT INTO outbox_cases (outbox_ref, case_ref) VALUES (?, ?)");
                PreparedStatement uid = connection.prepareStatement(
                        "INSERT INTO mailbox_uids (mailbox, uid_validity, uid, message_ref, taken_at) VALUES ('maildir:var/mailbox', 0, ?, ?, ?)")) {
            for (int i = 1; i <= count; i++) {
                String name = name(random);
                String city = CITIES.get(random.nextInt(CITIES.size()));
                String applicant = city + DOMAINS.get(random.nextInt(DOMAINS.size())) + "科技有限公司" + (i % 997);
                String from = "applicant" + i + "@example.cn";
                String at = start.plusSeconds(i * 120L).toString();
                String reference = String.format(Locale.ROOT, "XZY-2026-%04d", i);
                message.setLong(1, i);
                message.setString(2, "gen-" + i + "@example.cn");
                message.setString(3, String.format(Locale.ROOT, "%064x", i));
                message.setString(4, "gen-" + i);
                message.setString(5, from);
                message.setString(6, "新职业建议书：" + name);
                message.setString(7, at);
                message.setString(8, at);
                message.setString(9, "raw/gen/" + i + ".eml");
                message.addBatch();
                document.setLong(1, i);
                document.setLong(2, i);
                document.setString(3, "新职业建议书-" + name + ".docx");
                document.addBatch();
                proposal.setLong(1, i);
                proposal.setLong(2, i);
                proposal.setLong(3, i);
                proposal.setString(4, applicant);
                proposal.setString(5, random.nextInt(4) == 0 ? "新工种" : "新职业");
                proposal.setString(6, name);
                proposal.setString(7, name(random));
                proposal.setString(8, "从事" + name.substring(0, 2) + "相关的" + name.substring(name.length() - 3) + "等工作，运用"
                        + DOMAINS.get(random.nextInt(DOMAINS.size())) + "技术进行" + word(random)
                        + "和" + word(random) + "的人员。");
                proposal.setString(9, "信息传输、软件和信息技术服务业");
                proposal.setString(10, city + "天河区" + (i % 500) + "号");
                proposal.setString(11, "联系人" + (i % 1000));
                proposal.setString(12, String.format(Locale.ROOT, "020-%08d", i));
                proposal.setString(13, from);
                proposal.addBatch();
                for (int t = 1; t <= 2; t++) {
                    task.setLong(1, i);
                    task.setInt(2, t);
                    task.setString(3, Integer.toString(t));
                    task.setString(4, "负责" + word(random) + name.substring(0, 2) + "业务");
                    task.addBatch();
                }
                kase.setLong(1, i);
                kase.setString(2, reference);
                kase.setInt(3, i);
                kase.setString(4, name);
                kase.setString(5, applicant);
                String state = STATES.get(random.nextInt(STATES.size()));
                kase.setString(6, state);
                kase.setString(7, at);
                kase.setString(8, at);
                kase.addBatch();
                version.setLong(1, i);
                version.setLong(2, i);
                version.setString(3, at);
                version.addBatch();
                sender.setLong(1, i);
                sender.setString(2, from);
                sender.addBatch();
                place.setString(1, reference);
                place.setString(2, city);
                place.setString(3, i < count / 2 ? "2026-06-30" : "2026-12-31");
                place.setString(4, at);
                place.addBatch();
                String subject = "新职业建议书：" + name;
                String[][] headers = {{"message-id", "<gen-" + i + "@example.cn>"}, {"from", "申报人" + i + " <" + from + ">"},
                    {"to", "jnzx_zzyfk@gd.gov.cn"}, {"date", at}, {"subject", subject}, {"mime-version", "1.0"},
                    {"content-type", "multipart/mixed; boundary=\"b" + i + "\""}};
                for (int h = 0; h < headers.length; h++) {
                    header.setLong(1, i);
                    header.setInt(2, h);
                    header.setString(3, headers[h][0]);
                    header.setString(4, headers[h][1]);
                    header.addBatch();
                }
                attachment.setLong(1, i);
                attachment.setLong(2, i);
                attachment.setString(3, "新职业建议书-" + name + ".docx");
                attachment.setString(4, DOCX);
                attachment.setString(5, DOCX);
                attachment.setString(6, String.format(Locale.ROOT, "%016x%048x", extra.nextLong(), i));
                attachment.addBatch();
                boolean correction = state.equals("needs_correction");
                String replyKind = correction ? "correction" : "receipt";
                String replySubject = "[" + reference + "] " + (correction ? "补正通知：新职业申报材料需要补正（" : "回执：新职业申报材料已受理（")
                        + name + "）";
                String[][] events = {{"received", "收到邮件，原文已归档：archive/gen/" + i + ".eml"}, {"extracted", "提取附件 1 个"},
                    {"parsed", "读取文件 1 个：建议书 1 份，汇总表 0 份，需补正问题 " + (correction ? 1 : 0) + " 项"},
                    {"answered", "已自动回复 " + from + "《" + replySubject + "》，受理编号 " + reference}};
                for (String[] one : events) {
                    event.setLong(1, i);
                    event.setString(2, at);
                    event.setString(3, one[0]);
                    event.setString(4, one[1]);
                    event.addBatch();
                }
                if (correction) {
                    finding.setLong(1, i);
                    finding.setLong(2, i);
                    finding.setString(3, "“联系电话”不是有效的电话号码：固定电话须带区号（如020-83305821），手机号码为11位");
                    finding.addBatch();
                }
                String text = replyText(applicant, reference, name, correction);
                reply.setLong(1, i);
                reply.setLong(2, i);
                reply.setString(3, reference);
                reply.setLong(4, i);
                reply.setString(5, replyKind);
                reply.setString(6, from);
                reply.setString(7, replySubject);
                reply.setString(8, reference.toLowerCase(Locale.ROOT) + "." + new java.util.UUID(extra.nextLong(), extra.nextLong()) + "@gd.gov.cn");
                reply.setString(9, "gen-" + i + "@example.cn");
                reply.setString(10, "gen-" + i + "@example.cn");
                reply.setString(11, text);
                reply.setString(12, replyHtml(text));
                reply.setString(13, at);
                reply.setString(14, at);
                reply.setString(15, at);
                reply.setString(16, at);
                reply.addBatch();
                replyCase.setLong(1, i);
                replyCase.setLong(2, i);
                replyCase.addBatch();
                uid.setString(1, "gen-" + i);
                uid.setLong(2, i);
                uid.setString(3, at);
                uid.addBatch();
                if (i % 5000 == 0 || i == count) {
                    for (PreparedStatement statement : List.of(message, document, proposal, task, kase, version, sender, place, header,
                            attachment, event, finding, reply, replyCase, uid)) {
                        statement.executeBatch();
                    }
                }
            }
        }
        // As ProposalRows does since V14: the tasks enter the search index once, after the last.
        try (Statement index = connection.createStatement()) {
            index.executeUpdate("""
                    UPDATE proposal_search SET tasks = coalesce((SELECT group_concat(content, '；') FROM proposal_tasks t
                        WHERE t.proposal_ref = proposal_search.rowid AND t.content <> ''), '')""");
        }
        try (PreparedStatement counter = connection.prepareStatement("INSERT OR REPLACE INTO reference_counters (year, last_seq) VALUES (2026, ?)")) {
            counter.setInt(1, count);
            counter.executeUpdate();
        }
    }

    private static @org.jspecify.annotations.Nullable Path shared;

    /**
     * The data directory of one register of 100,000 proposals for the whole bench run (query
     * commands read it first, the import benchmark then adds to it); removed when the run ends.
     */
    static synchronized Path shared(java.io.PrintStream out) throws SQLException, java.io.IOException {
        if (shared == null) {
            Path dir = java.nio.file.Files.createTempDirectory("bench-register");
            double seconds = fill(dir, ImportBenchmark.LARGE_REGISTER, 12);
            out.printf(Locale.ROOT, "register: %,d proposals generated (seed 12), with their replies, events and name index, in %.1f s%n", ImportBenchmark.LARGE_REGISTER, seconds);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Tools.deleteTree(dir);
                } catch (java.io.IOException e) {
                    // A temporary directory left behind is harmless.
                }
            }));
            shared = dir;
        }
        return shared;
    }

    /** {@code RegisterGenerator DATA_DIR N}: a register of N proposals for trying commands by hand. */
    public static void main(String[] args) throws SQLException {
        double seconds = fill(Path.of(args[0]), Integer.parseInt(args[1]), 12);
        System.out.printf(Locale.ROOT, "%s proposals in %.1f s%n", args[1], seconds);
    }
}
