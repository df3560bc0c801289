package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryMarksTest {

    @ParameterizedTest
    @ValueSource(strings = {"√", "✓", "✔", "☑", "■", "●", "x", "X", "×", "v", "对", "\uF0FC"})
    void anyMarkInsideTheBracketsTicksTheOption(String mark) {
        String line = "( )新职业    (" + mark + ")新工种    ( )调整变更职业(工种)信息②";
        assertThat(CategoryMarks.ticked(line)).containsExactly(Category.NEW_JOB_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"（ √ ）新职业（ ）新工种（ ）调整变更职业（工种）信息",
        "☑新职业 □新工种 □调整变更职业(工种)信息", "√新职业  新工种  调整变更职业(工种)信息",
        "新职业( √ )  新工种( )  调整变更职业(工种)信息( )", "新职业"})
    void marksOfEveryShapeAndPlaceAreRead(String line) {
        assertThat(CategoryMarks.ticked(line)).containsExactly(Category.NEW_OCCUPATION);
    }

    @Test
    void markBeforeTheLastOptionChoosesChange() {
        assertThat(CategoryMarks.ticked("( )新职业 ( )新工种 (√)调整变更职业(工种)信息②")).containsExactly(Category.CHANGE);
    }

    @Test
    void blankTemplateTicksNothing() {
        assertThat(CategoryMarks.ticked("( )新职业    ( )新工种    ( )调整变更职业(工种)信息②")).isEmpty();
        assertThat(CategoryMarks.ticked("□新职业 ☐新工种 ○调整变更职业(工种)信息")).isEmpty();
    }

    @Test
    void twoMarksGiveTwoOptions() {
        assertThat(CategoryMarks.ticked("(√)新职业 (√)新工种 ( )调整变更职业(工种)信息"))
                .containsExactly(Category.NEW_OCCUPATION, Category.NEW_JOB_TYPE);
    }
}
