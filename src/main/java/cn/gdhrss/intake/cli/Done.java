package cn.gdhrss.intake.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a changing command prints: one Chinese sentence, or with {@code --json} the facts and that sentence. */
final class Done {
    private Done() {}

    static int print(PrintWriter out, boolean json, String sentence, Map<String, Object> facts) {
        if (json) {
            Map<String, Object> view = new LinkedHashMap<>(facts);
            view.put("message", sentence);
            out.println(Json.write(view));
        } else {
            out.println(sentence);
        }
        out.flush();
        return 0;
    }
}
