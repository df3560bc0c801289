package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.intake.FileImportSource;
import cn.gdhrss.intake.intake.MailFiles;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.PassResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "导入 .eml 文件或其所在文件夹，视同从邮箱收到（按给出顺序，文件夹内按文件名）")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = ".eml 文件或文件夹")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new CommandError("文件或文件夹 " + path + " 不存在；请给出 .eml 文件或其所在文件夹。");
            }
        }
        List<String> refused = new ArrayList<>();
        List<Path> mail = new ArrayList<>();
        for (Path file : new FileImportSource(paths).files()) {
            Optional<String> why = MailFiles.whyNotMail(file);
            why.ifPresent(reason -> refused.add("未导入 " + file + "：该文件" + reason + "。"));
            if (why.isEmpty()) {
                mail.add(file);
            }
        }
        if (mail.isEmpty() && refused.size() == 1) {
            throw new CommandError(refused.get(0));
        }
        refused.forEach(err::println);
        if (mail.isEmpty()) {
            throw new CommandError("没有可导入的邮件：给出的 " + refused.size() + " 个文件都不是邮件（.eml）。");
        }
        int code = importMail(mail, err);
        return refused.isEmpty() ? code : Math.max(code, 1);
    }

    private int importMail(List<Path> files, PrintWriter err) {
        FileImportSource source = new FileImportSource(files);
        int total = source.size();
        long started = System.nanoTime();
        try (App app = common.openApp()) {
            Optional<PassResult> result = app.intake().runOnce(source, done -> {
                if (total >= 200 && (done % 100 == 0 || done == total)) {
                    err.printf(Locale.ROOT, "\r已导入 %d / %d", done, total);
                    err.flush();
                }
            });
            if (total >= 200) {
                err.println();
            }
            if (result.isEmpty()) {
                err.println("另一个收取进程正在运行，请稍后再导入。");
                return 3;
            }
            Fault fault = result.get().fault();
            if (fault != null && fault != Fault.MAILBOX_DOWN) {
                err.println(fault.commandSentence());
                return 1;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().println(PassLines.counts(result.get())
                    + String.format(Locale.ROOT, "，用时 %.1f 秒", seconds));
            return result.get().isOk() ? 0 : 1;
        }
    }
}
