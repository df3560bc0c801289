package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.PassResult;
import java.util.Locale;

final class PassLines {
    private PassLines() {}

    static String counts(PassResult result) {
        String line = String.format(Locale.ROOT, "新邮件 %d，重复 %d，失败 %d", result.newCount(), result.duplicateCount(), result.failed());
        if (result.isOk()) {
            return line;
        }
        return line + "\n" + (result.fault() == null || result.fault() == Fault.MAILBOX_DOWN
                ? "邮箱不可用：" + result.error() : result.fault().commandSentence());
    }
}
