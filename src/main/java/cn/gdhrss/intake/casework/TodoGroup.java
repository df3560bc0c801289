package cn.gdhrss.intake.casework;

import java.util.List;

/**
 * Items of {@code todo} that the plain output prints together: one item, or the reviews due of
 * one kind, city and period (issue 12: tens of thousands of them are a few lines).
 *
 * @param size how many items the group holds
 * @param first the first of them in {@code todo}'s order, never empty; all of them when the
 *     group is no larger than was asked for
 */
public record TodoGroup(int size, List<TodoItem> first) {
    public TodoGroup {
        first = List.copyOf(first);
    }

    public static TodoGroup of(TodoItem item) {
        return new TodoGroup(1, List.of(item));
    }
}
