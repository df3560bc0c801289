package cn.gdhrss.intake.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CopyBuffersTest {

    @Test
    void aCopyInsideACopyNeverSharesTheOuterBuffer() {
        byte[] outer = CopyBuffers.take();
        byte[] inner = CopyBuffers.take();
        assertNotSame(outer, inner);
        CopyBuffers.give(inner);
        assertSame(inner, CopyBuffers.take(), "the thread's next copy reuses the buffer handed back");
        CopyBuffers.give(outer);
        assertEquals(CopyBuffers.BYTES, outer.length);
    }

    @Test
    void threadsKeepBuffersOfTheirOwn() throws Exception {
        byte[] mine = CopyBuffers.take();
        CopyBuffers.give(mine);
        byte[] theirs = CompletableFuture.supplyAsync(CopyBuffers::take).get();
        assertNotSame(mine, theirs);
        assertSame(mine, CopyBuffers.take());
    }

    @Test
    void aBufferOfAnotherSizeIsNotKept() {
        byte[] kept = CopyBuffers.take();
        CopyBuffers.give(kept);
        CopyBuffers.give(new byte[16]);
        assertSame(kept, CopyBuffers.take());
    }
}
