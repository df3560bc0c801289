package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --config}, taken by every command so registers can live side by side. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "数据目录（登记库、原始邮件、附件），默认 var/")
    Path dataDir = Path.of("var");

    @Option(names = "--config", paramLabel = "FILE", description = "配置文件，默认 conf/intake.properties")
    Path configFile = Path.of("conf", "intake.properties");

    public App openApp() {
        return App.open(dataDir, configFile);
    }
}
