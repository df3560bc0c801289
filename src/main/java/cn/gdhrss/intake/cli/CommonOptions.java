package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --config}, taken by every command so registers can live side by side. */
public final class CommonOptions {
    static final Path DEFAULT_CONFIG = Path.of("conf", "intake.properties");

    @Option(names = "--data", paramLabel = "DIR", description = "数据目录（登记库、原始邮件、附件），默认 var/")
    Path dataDir = Path.of("var");

    @Option(names = "--config", paramLabel = "FILE", description = "配置文件，默认 conf/intake.properties")
    @Nullable Path configFile;

    /**
     * Opens the register with the configuration: a {@code --config} naming a missing file is an
     * error (staff meant that file); without {@code --config}, a missing default file means defaults.
     */
    public App openApp() {
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new CommandError("配置文件 " + configFile + " 不存在；请检查 --config 给出的路径（不加 --config 时使用 "
                    + DEFAULT_CONFIG + "）。");
        }
        return App.open(dataDir, configFile == null ? DEFAULT_CONFIG : configFile);
    }
}
