package io.weft.runtime.network;

/**
 * What the input gate hands its task next: a data buffer, already given to the channel's deserializer (
 * {@code event} null), or an in-band event — each with the channel it came through. Immutable.
 */
public record BufferOrEvent(InputChannel channel, RuntimeEvent event) {
    public boolean isEvent() {
        return event != null;
    }
}
