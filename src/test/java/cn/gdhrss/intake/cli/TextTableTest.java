package cn.gdhrss.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The table staff read from {@code list --cases}, printed as rows arrive (issue 12). */
class TextTableTest {

    @Test
    void aStreamedTableOfFewRowsPrintsAsTheWholeTable() {
        TextTable whole = new TextTable("编号", "名称");
        StringWriter text = new StringWriter();
        TextTable.Streamed streamed = new TextTable.Streamed(new PrintWriter(text), 30, "编号", "名称");
        for (int i = 1; i <= 3; i++) {
            whole.add("XZY-2026-000" + i, "数据标注员".repeat(i));
            streamed.add("XZY-2026-000" + i, "数据标注员".repeat(i));
        }
        assertEquals(3, streamed.finish());
        assertEquals(whole.render(30), text.toString());
    }

    @Test
    void rowsAfterTheFirstBlockKeepItsColumnsAndClipWiderCells() {
        StringWriter text = new StringWriter();
        TextTable.Streamed streamed = new TextTable.Streamed(new PrintWriter(text), 30, "编号", "名称");
        for (int i = 0; i < TextTable.BLOCK; i++) {
            streamed.add("XZY-2026-" + i, "数据标注员");
        }
        streamed.add("XZY-2026-X", "人工智能训练师（数据标注）");
        assertEquals(TextTable.BLOCK + 1, streamed.finish());
        String[] lines = text.toString().split("\n");
        assertEquals(TextTable.BLOCK + 2, lines.length);
        assertEquals("XZY-2026-X    人工智能… ", lines[lines.length - 1]);
        assertEquals("XZY-2026-0    数据标注员", lines[1]);
    }

    @Test
    void countsWideCharactersTwiceAndASurrogatePairAsOneCharacter() {
        assertEquals(4, TextTable.width("ab12"));
        assertEquals(10, TextTable.width("数据标注员"));
        assertEquals(4, TextTable.width("（）"));
        // U+20BB7 (a CJK Extension B character) is wide; U+1F600 (an emoji) outside the wide planes is not.
        assertEquals(3, TextTable.width("\uD842\uDFB7a"));
        assertEquals(1, TextTable.width("\uD83D\uDE00"));
        // An unpaired surrogate counts as one narrow character.
        assertEquals(2, TextTable.width("\uD842a"));
    }
}
