package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Our Message-IDs quoted in a body (a bounce) are found as the pattern of the notice's replies defines them. */
class IncomingMailReaderTest {
    private static final String DOMAIN = "xzy.gdhrss.gov.cn";
    /** The definition: what a Message-ID of ours looks like where a body quotes it. */
    private static final Pattern OWN_ID = Pattern.compile("<([!-;=?-~&&[^<>]]{1,200}@" + Pattern.quote(DOMAIN) + ")>",
            Pattern.CASE_INSENSITIVE);

    private final IncomingMailReader reader = new IncomingMailReader(DOMAIN);

    @Test
    void findsQuotedIdsInOrderWhateverTheCaseOfTheDomain() {
        String text = "Original-Message-ID: <xzy-2026-0001.3f2a@XZY.GDHRSS.gov.cn>\r\nIn-Reply-To: <a@b.cn>, <x<y@xzy.gdhrss.gov.cn>"
                + " <@xzy.gdhrss.gov.cn> <" + "l".repeat(201) + "@xzy.gdhrss.gov.cn> <q@xzy.gdhrss.gov.cn.evil>";

        assertThat(reader.ownIdsIn(text.getBytes(StandardCharsets.ISO_8859_1)))
                .containsExactly("xzy-2026-0001.3f2a@XZY.GDHRSS.gov.cn", "y@xzy.gdhrss.gov.cn");
    }

    @Test
    void agreesWithTheDefiningPatternOnNoisyText() {
        Random random = new Random(7);
        String[] pieces = {"<", ">", "@", DOMAIN, DOMAIN.toUpperCase(java.util.Locale.ROOT), "a", "Z", "-", ".", " ", "\r\n", "中", "é",
                "=3D", "<id", "@xzy.gdhrss.gov.cn>", "l".repeat(120)};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(reader.ownIdsIn(bytes)).as(text.toString()).isEqualTo(byPattern(new String(bytes, StandardCharsets.ISO_8859_1)));
        }
    }

    private static List<String> byPattern(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = OWN_ID.matcher(text);
        while (matcher.find() && ids.size() < 50) {
            ids.add(matcher.group(1));
        }
        return new ArrayList<>(ids);
    }
}
