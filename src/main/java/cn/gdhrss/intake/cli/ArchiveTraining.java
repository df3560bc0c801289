package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.register.NativeLibrary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run {@code run.sh} records its class-data archive from (AppCDS, issue 12): every query
 * command once, on an empty register in {@code args[0]}, output thrown away. The JVM then maps
 * the classes these loaded from the archive instead of reading and verifying them from the jar.
 * With a second argument it first copies SQLite's native library into that directory
 * ({@link NativeLibrary}), which {@code run.sh} then hands to the driver.
 */
public final class ArchiveTraining {
    private ArchiveTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            NativeLibrary.copyTo(Path.of(args[1]));
        }
        Path data = Files.createDirectories(Path.of(args[0]));
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            String[][] commands = {
                {"status"}, {"status", "--json"}, {"list"}, {"list", "--cases"}, {"list", "--cases", "--json"},
                {"search", "数据标注员"}, {"show", "XZY-2026-0001"}, {"show", "1"}, {"todo"}, {"list", "--csv"}, {"--help"},
            };
            for (String[] command : commands) {
                String[] withData = java.util.Arrays.copyOf(command, command.length + 2);
                withData[command.length] = "--data";
                withData[command.length + 1] = data.toString();
                Main.run(command[0].startsWith("--") ? command : withData);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
