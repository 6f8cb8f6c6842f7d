package dev.natter.gateway.stream;

/**
 * An event on its way to browsers, serialised once for all of them.
 *
 * @param room the room it belongs to
 * @param seq its position in the history: the SSE id
 * @param type its CloudEvents type: the SSE event name
 * @param json the whole event in the CloudEvents JSON format: the SSE data
 */
record StreamEvent(String room, long seq, String type, String json) {}
