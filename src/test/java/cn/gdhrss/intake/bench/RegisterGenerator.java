package cn.gdhrss.intake.bench;

import cn.gdhrss.intake.register.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a register with {@code n} proposals, each a received mail with one form and its case, by
 * direct SQL in one transaction: what the pipeline would have written, minus the files, at about
 * 10,000 proposals a second. Seeded, so every run gets the same register. Bench only.
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

    /** Adds {@code count} proposals to the register at {@code dataDir}; returns the seconds it took. */
    static double fill(Path dataDir, int count, long seed) throws SQLException {
        long started = System.nanoTime();
        Random random = new Random(seed);
        try (Database database = Database.open(dataDir.resolve("register.db"))) {
            database.inTransaction(connection -> {
                insert(connection, count, random);
                return null;
            });
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void insert(Connection connection, int count, Random random) throws SQLException {
        Instant start = Instant.parse("2026-01-05T01:00:00Z");
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
                        VALUES (?, ?, 'sender', ?, 'received', ?)""")) {
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
                kase.setString(6, STATES.get(random.nextInt(STATES.size())));
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
                if (i % 5000 == 0 || i == count) {
                    for (PreparedStatement statement : List.of(message, document, proposal, task, kase, version, sender, place)) {
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
            out.printf(Locale.ROOT, "register: %,d proposals generated (seed 12) in %.1f s%n", ImportBenchmark.LARGE_REGISTER, seconds);
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
