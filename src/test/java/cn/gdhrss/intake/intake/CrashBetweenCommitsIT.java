package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.SampleMails;
import cn.gdhrss.intake.SampleMails.Part;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.MessageRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process dies (as by SIGKILL) right after a step's commit, then starts again: what that
 * commit promised is all there. Issue 11 found the same-name links written after the parse step's
 * commit lost for good by such a kill.
 */
class CrashBetweenCommitsIT {
    private static final int MESSAGES = 3;

    @TempDir
    Path dir;

    @Test
    void sameNameLinksSurviveAKillRightAfterTheParseCommit() throws Exception {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        byte[] form = SampleMails.validProposal();
        for (int i = 0; i < MESSAGES; i++) {
            SampleMails.write(maildirNew, "1785720000.M" + i + ".host", "applicant" + i + "@example.cn", "",
                    List.of(new Part("新职业建议书.docx", form)));
        }

        // Message 1 is parsed with nothing to link to; message 2 links to it, commits, and the process
        // dies. Message 3's parse may have been done in time to share message 2's commit (parse outcomes
        // are written in groups), so the commit holds two or three proposals: each pair of them linked.
        Process child = ChildPoll.start(data, "-Dintake.crash-at=parse.saved:2");
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(ChildPoll.log(data)).isEqualTo(137);
        int parsed = proposals(data);
        assertThat(parsed).as("proposals committed before the kill").isBetween(2, MESSAGES);
        assertThat(links(data)).as("links committed with the forms of the same commit")
                .hasSize(parsed * (parsed - 1)).allMatch(link -> link.endsWith("same"));

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            app.intake().pollMailbox().orElseThrow();
            assertThat(app.messages().list(100)).extracting(MessageRecord::status).containsOnly("answered");
        }
        // Three proposals of one occupation: every pair linked, both ways.
        assertThat(links(data)).hasSize(MESSAGES * (MESSAGES - 1)).allMatch(link -> link.endsWith("same"));
    }

    private static int proposals(Path data) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("register.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM proposals")) {
            return rows.getInt(1);
        }
    }

    private static List<String> links(Path data) throws Exception {
        List<String> links = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("register.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT proposal_ref, other_ref, same_name FROM proposal_links ORDER BY proposal_ref, other_ref")) {
            while (rows.next()) {
                links.add(rows.getLong(1) + "->" + rows.getLong(2) + (rows.getInt(3) == 1 ? " same" : " similar"));
            }
        }
        return links;
    }
}
