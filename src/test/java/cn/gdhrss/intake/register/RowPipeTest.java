package cn.gdhrss.intake.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rows read on a second thread and printed on the first (issue 12). */
class RowPipeTest {

    @Test
    void handsOutEveryRowInOrderAcrossBlocks() {
        int count = RowPipe.BLOCK * (RowPipe.BLOCKS + 3) + 7;
        List<Integer> taken = new ArrayList<>();
        RowPipe.<Integer>run(each -> {
            for (int i = 0; i < count; i++) {
                each.accept(i);
            }
        }, taken::add);
        assertThat(taken).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(taken.get(i)).isEqualTo(i);
        }
    }

    @Test
    void throwsTheReadersOwnExceptionAfterTheRowsReadBeforeIt() {
        IllegalStateException failure = new IllegalStateException("register locked");
        List<Integer> taken = new ArrayList<>();
        assertThatThrownBy(() -> RowPipe.<Integer>run(each -> {
            for (int i = 0; i < 1000; i++) {
                each.accept(i);
            }
            throw failure;
        }, taken::add)).isSameAs(failure);
        assertThat(taken).hasSize(1000);
    }

    @Test
    void stopsTheReaderWhenPrintingFails() {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger readerEnded = new AtomicInteger();
        assertThatThrownBy(() -> RowPipe.<Integer>run(each -> {
            try {
                for (int i = 0; i < 10_000_000; i++) {
                    read.incrementAndGet();
                    each.accept(i);
                }
            } finally {
                readerEnded.incrementAndGet();
            }
        }, row -> {
            if (row == 10) {
                throw new IllegalArgumentException("output closed");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("output closed");
        // run returns only after the reader has unwound, having read at most the queue's worth more.
        assertThat(readerEnded.get()).isEqualTo(1);
        assertThat(read.get()).isLessThanOrEqualTo(RowPipe.BLOCK * (RowPipe.BLOCKS + 3));
    }
}
