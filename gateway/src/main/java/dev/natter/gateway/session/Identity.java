package dev.natter.gateway.session;

/**
 * Who a valid token says is asking.
 *
 * @param nick the nick the session claimed
 * @param session the session's id
 */
public record Identity(String nick, String session) {}
