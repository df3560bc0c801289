package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index's quick test of a candidate's shared bigrams never drops one its full test keeps (issue 12). */
class SimilarNameProbeTest {

    @Test
    void noNameOfAnySizeIsSimilarWithFewerSharedBigramsThanTheLeast() {
        List<SimilarNameProbe> probes = new ArrayList<>();
        for (String name : List.of("数据标注员", "无人机巡检员", "陪诊康复康复操作员", "碳排放管理员", "直播营销师", "低空物流无人机调度员", "员", "AB",
                "农业经理人农业经理人农业经理人农业经理人")) {
            probes.add(SimilarNameProbe.of(name));
        }
        Random random = new Random(3);
        String alphabet = "数据标注无人机巡检陪诊康复操作碳排放管理直播营销低空物流调度农业经理人员师工";
        for (int i = 0; i < 300; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(20); n > 0; n--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            probes.add(SimilarNameProbe.of(name.toString()));
        }
        int checked = 0;
        for (SimilarNameProbe probe : probes) {
            if (probe.isEmpty()) {
                continue;
            }
            int least = probe.leastShared();
            for (int length = 0; length <= 64; length++) {
                for (int bigrams = 0; bigrams <= 64; bigrams++) {
                    for (int shared = 0; shared <= probe.bigrams().size(); shared++) {
                        if (probe.maySharedBeSimilar(length, bigrams, shared)) {
                            assertThat(shared).as("%s: length %d, %d bigrams", probe.key(), length, bigrams).isGreaterThanOrEqualTo(least);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void theLeastIsTheSmallestCountThatSomeSizeAccepts() {
        for (String name : List.of("数据标注员", "无人机巡检员", "陪诊康复康复操作员", "低空物流无人机调度员")) {
            SimilarNameProbe probe = SimilarNameProbe.of(name);
            int least = Math.max(0, probe.leastShared());
            boolean accepted = false;
            for (int length = 0; length <= 64 && !accepted; length++) {
                for (int bigrams = 0; bigrams <= 64 && !accepted; bigrams++) {
                    accepted = probe.maySharedBeSimilar(length, bigrams, least);
                }
            }
            assertThat(accepted).as(name).isTrue();
        }
    }
}
