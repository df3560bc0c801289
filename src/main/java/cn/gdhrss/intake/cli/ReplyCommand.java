package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.reply.OutboxNames;
import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.OutboxRecord;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reply", description = "给案件申报人写信：正文取自 UTF-8 文本文件，经外发队列发出，接在该案件的邮件往来之后")
final class ReplyCommand implements Callable<Integer> {
    /** A letter file is read up to this size. */
    static final long MAX_FILE_BYTES = 256 * 1024;

    @Mixin
    CommonOptions common;

    @Mixin
    StaffOptions staff;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "案件编号")
    String reference = "";

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "信件正文（UTF-8 文本文件）")
    Path textFile = Path.of("");

    @Option(names = "--subject", description = "主题（前面自动加 [案件编号]），默认“关于您申报的新职业建议书”")
    String subject = "";

    @Option(names = "--to", description = "收件地址，默认该案件最近一封来信的回复地址或发件人")
    @Nullable String to;

    @Override
    public Integer call() {
        String text = read(textFile);
        try (App app = common.openApp()) {
            OutboxRecord row = app.caseService().reply(reference, subject, text, to, staff.by);
            return Done.print(spec.commandLine().getOut(), staff.json, row.reference() + " 的信件已交外发队列（外发编号 " + row.id() + "），发往 "
                    + row.to() + "，状态：" + OutboxNames.state(row.state()) + "。", OutboxCommand.view(row));
        }
    }

    private static String read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new CommandError("信件正文文件 " + file + " 不存在；请用 --text 给出 UTF-8 文本文件。");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CommandError("信件正文文件 " + file + " 超过 " + MAX_FILE_BYTES / 1024 + " KB，请精简后再发。");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new CommandError("信件正文文件 " + file + " 不是 UTF-8 编码；请另存为 UTF-8 后再发。");
        } catch (IOException e) {
            throw new CommandError("无法读取信件正文文件 " + file + "（" + e.getClass().getSimpleName() + "）。");
        }
    }
}
