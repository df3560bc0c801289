package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.register.MessageStatus;

/** Chinese names of message processing states for staff; case states are named by {@link CaseState}. */
final class StatusNames {
    private StatusNames() {}

    /** A message's processing state: 已回复（answered）. */
    static String message(String status) {
        return MessageStatus.of(status).map(MessageStatus::label).orElse(status) + "（" + status + "）";
    }

    /** A case's state as staff read it: 材料齐全. */
    static String caseState(String code) {
        return CaseState.labelOf(code);
    }
}
