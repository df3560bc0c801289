package cn.gdhrss.intake.register;

import java.util.Optional;

/**
 * Where a registered message stands in its processing, the one list of them: the register stores
 * the {@link #code()}, staff read the {@link #label()}. Each processing step takes messages of one
 * status and leaves them in the next, in the transaction that writes its results.
 */
public enum MessageStatus {
    RECEIVED("received", "已收到"),
    EXTRACTED("extracted", "附件已提取"),
    PARSED("parsed", "表格已解析"),
    ANSWERED("answered", "已回复"),
    NO_REPLY("no_reply", "不自动回复"),
    FAILED("failed", "处理失败");

    private final String code;
    private final String label;

    MessageStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Answered, not answered on purpose, or set aside: no step will take the message again by itself. */
    public boolean isFinal() {
        return this == ANSWERED || this == NO_REPLY || this == FAILED;
    }

    public static Optional<MessageStatus> of(String code) {
        for (MessageStatus status : values()) {
            if (status.code.equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
