package io.weft.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.runtime.testing.BackgroundCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a safety net only: every wait in these tests is bounded well below it
@Timeout(60)
class TaskMailboxTest {
    private final TaskMailbox mailbox = new TaskMailbox();

    @Test
    void newMailboxHasNoMail() throws Exception {
        assertThat(mailbox.hasMail()).isFalse();
        mailbox.runMails();
    }

    @Test
    void mailsRunInOrderOnTheThreadThatRunsThem() throws Exception {
        List<String> ran = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (BackgroundCall<Boolean> sender = BackgroundCall.start("timer thread", () -> {
            boolean all = true;
            for (int i = 0; i < 100; i++) {
                String name = "mail-" + i;
                all &= mailbox.put(() -> {
                    ran.add(name);
                    threads.add(Thread.currentThread());
                });
            }
            return all;
        })) {
            assertThat(sender.await()).isTrue();
        }
        assertThat(ran).as("nothing runs before the task thread asks").isEmpty();
        assertThat(mailbox.hasMail()).isTrue();
        mailbox.runMails();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add("mail-" + i);
        }
        assertThat(ran).isEqualTo(expected);
        assertThat(threads).containsOnly(Thread.currentThread());
        assertThat(mailbox.hasMail()).isFalse();
    }

    @Test
    void mailPutByAMailRunsInTheSameRound() throws Exception {
        List<String> ran = new ArrayList<>();
        mailbox.put(() -> {
            ran.add("outer");
            mailbox.put(() -> ran.add("inner"));
        });
        mailbox.runMails();
        assertThat(ran).containsExactly("outer", "inner");
        assertThat(mailbox.hasMail()).isFalse();
    }

    @Test
    void putAfterCloseReturnsFalseAndTheMailNeverRuns() throws Exception {
        List<String> ran = new ArrayList<>();
        mailbox.close();
        assertThat(mailbox.put(() -> ran.add("late"))).isFalse();
        assertThat(mailbox.hasMail()).isFalse();
        mailbox.runMails();
        assertThat(ran).isEmpty();
    }

    @Test
    void closeDropsQueuedMails() throws Exception {
        List<String> ran = new ArrayList<>();
        assertThat(mailbox.put(() -> ran.add("queued"))).isTrue();
        mailbox.close();
        assertThat(mailbox.hasMail()).isFalse();
        mailbox.runMails();
        assertThat(ran).isEmpty();
    }

    @Test
    void exceptionOfAMailPropagatesFromRunMails() {
        IOException failure = new IOException("checkpoint storage unavailable");
        List<String> ran = new ArrayList<>();
        mailbox.put(() -> ran.add("before"));
        mailbox.put(() -> {
            throw failure;
        });
        mailbox.put(() -> ran.add("after"));
        assertThatThrownBy(mailbox::runMails).isSameAs(failure);
        assertThat(ran).containsExactly("before");
    }

    @Test
    void awaitReturnsAtOnceWhenInputWasSignalledBefore() throws Exception {
        mailbox.signalInput();
        try (BackgroundCall<Void> task = BackgroundCall.start("task", () -> {
            mailbox.awaitInputOrMail();
            return null;
        })) {
            task.await();
        }
    }

    @Test
    void awaitReturnsAtOnceWhenMailIsQueued() throws Exception {
        mailbox.put(() -> { });
        try (BackgroundCall<Void> task = BackgroundCall.start("task", () -> {
            mailbox.awaitInputOrMail();
            return null;
        })) {
            task.await();
        }
    }

    @Test
    void awaitBlocksUntilInputIsSignalledFromAnotherThread() throws Exception {
        try (BackgroundCall<Void> task = BackgroundCall.start("task", () -> {
            mailbox.awaitInputOrMail();
            return null;
        })) {
            task.assertBlocked();
            mailbox.signalInput();
            task.await();
        }
    }

    @Test
    void awaitBlocksUntilAMailIsPut() throws Exception {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        try (BackgroundCall<Void> task = BackgroundCall.start("task", () -> {
            mailbox.awaitInputOrMail();
            mailbox.runMails();
            return null;
        })) {
            task.assertBlocked();
            mailbox.put(() -> ranOn.add(Thread.currentThread()));
            task.await();
            assertThat(ranOn).containsExactly(task.thread());
        }
    }

    @Test
    void awaitConsumesTheInputSignal() throws Exception {
        mailbox.signalInput();
        mailbox.awaitInputOrMail();
        try (BackgroundCall<Void> task = BackgroundCall.start("task", () -> {
            mailbox.awaitInputOrMail();
            return null;
        })) {
            task.assertBlocked();
            mailbox.signalInput();
            task.await();
        }
    }

    @Test
    void signalsBeforeAWaitCollapseIntoOne() throws Exception {
        mailbox.signalInput();
        mailbox.signalInput();
        mailbox.awaitInputOrMail();
        try (BackgroundCall<Void> task = BackgroundCall.start("task", () -> {
            mailbox.awaitInputOrMail();
            return null;
        })) {
            task.assertBlocked();
        }
    }

    @Test
    void waitingTaskIsInterruptible() throws Exception {
        try (BackgroundCall<Void> task = BackgroundCall.start("task", () -> {
            mailbox.awaitInputOrMail();
            return null;
        })) {
            task.assertBlocked();
            task.thread().interrupt();
            assertThat(task.awaitFailure()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void mailsPutConcurrentlyFromSeveralThreadsAllRunOnceInPerSenderOrder() throws Exception {
        int senders = 4;
        int perSender = 500;
        List<String> ran = new ArrayList<>();
        List<BackgroundCall<Void>> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(BackgroundCall.start("sender " + s, () -> {
                for (int i = 0; i < perSender; i++) {
                    String name = sender + ":" + i;
                    mailbox.put(() -> ran.add(name));
                }
                return null;
            }));
        }
        try {
            while (ran.size() < senders * perSender) {
                mailbox.awaitInputOrMail();
                mailbox.runMails();
            }
            for (BackgroundCall<Void> t : threads) {
                t.await();
            }
        } finally {
            for (BackgroundCall<Void> t : threads) {
                t.close();
            }
        }
        assertThat(ran).hasSize(senders * perSender).doesNotHaveDuplicates();
        for (int s = 0; s < senders; s++) {
            String prefix = s + ":";
            List<String> ofSender = ran.stream().filter(n -> n.startsWith(prefix)).toList();
            for (int i = 0; i < perSender; i++) {
                assertThat(ofSender.get(i)).isEqualTo(prefix + i);
            }
        }
    }
}
