package cn.gdhrss.intake.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseWorkExceptionTest {

    @Test
    void commandLineSentenceNamesTheOptionAndTheConsoleSentenceTheBox() {
        CaseWorkException refusal = new CaseWorkException("XZY-2026-0003 还有 2 处错误未补正，不能通过", Remedy.PASS_DESPITE_ERRORS);
        assertThat(refusal.getMessage()).isEqualTo("XZY-2026-0003 还有 2 处错误未补正，不能通过；确需通过请加 --force 并用 --note 写明理由。");
        assertThat(refusal.inConsoleWords())
                .isEqualTo("XZY-2026-0003 还有 2 处错误未补正，不能通过；确需通过请勾选“尚有错误仍予通过”并在意见栏写明理由。");
        assertThat(refusal.remedy()).contains(Remedy.PASS_DESPITE_ERRORS);
    }

    @Test
    void aRemedyAloneIsTheWholeSentence() {
        CaseWorkException refusal = new CaseWorkException("", Remedy.CHOOSE_CHANGE);
        assertThat(refusal.getMessage()).isEqualTo("请用 --city 或 --period 指定要改的内容。");
        assertThat(refusal.inConsoleWords()).isEqualTo("请选择要改的城市或报送期。");
    }

    @Test
    void aRefusalWithoutRemedyReadsTheSameEverywhere() {
        CaseWorkException refusal = new CaseWorkException("备注内容不能为空。");
        assertThat(refusal.inConsoleWords()).isEqualTo(refusal.getMessage()).isEqualTo("备注内容不能为空。");
        assertThat(refusal.remedy()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Remedy.class)
    void consoleWordsNameNoCommand(Remedy remedy) {
        assertThat(remedy.console()).doesNotContain("--", "run.sh").isNotBlank();
        assertThat(remedy.console()).doesNotContainPattern("\\b(list|outbox|assign|merge|review|note|resend)\\b");
        assertThat(remedy.commandLine()).containsPattern("--|run\\.sh");
    }

    @Test
    void everyRemedyIsWordedDifferentlyInTheConsole() {
        assertThat(Arrays.stream(Remedy.values()).filter(remedy -> remedy.console().equals(remedy.commandLine()))).isEmpty();
    }
}
