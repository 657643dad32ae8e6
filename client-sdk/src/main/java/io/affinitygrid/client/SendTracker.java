package io.affinitygrid.client;

import org.apache.ignite.client.events.RequestEventListener;
import org.apache.ignite.client.events.RequestStartEvent;

/**
 * Tells whether a request left the client. The thin client keeps a connection it found closed and fails the next
 * request on it before writing a byte, with the same exception as a connection lost after the node received the
 * request. For a computation the difference matters: one never sent may be sent again whatever it does. The thin
 * client announces a request on the sending thread just before it writes it; this listener notes that per thread.
 */
final class SendTracker implements RequestEventListener {

    static final SendTracker INSTANCE = new SendTracker();

    private static final ThreadLocal<boolean[]> STARTED = ThreadLocal.withInitial(() -> new boolean[1]);

    private SendTracker() {
    }

    /** Call on the sending thread before handing a request to the thin client. */
    static void beforeSend() {
        STARTED.get()[0] = false;
    }

    /** Whether, since {@link #beforeSend()}, the thin client began to write a request on this thread. */
    static boolean wasWritten() {
        return STARTED.get()[0];
    }

    @Override
    public void onRequestStart(RequestStartEvent event) {
        STARTED.get()[0] = true;
    }
}
